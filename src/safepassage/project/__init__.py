"""The Django project: settings, root URLs, WSGI entry."""
