"""The JSON API (django-ninja), version 1, with bearer tokens bound to one membership."""
