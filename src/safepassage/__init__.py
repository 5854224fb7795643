"""SafePassage: case management for bringing deserters and objectors to safety.

Pure cores (no Django) live in ``safepassage.cores``; the Django project in
``safepassage.project`` and its thin apps in ``safepassage.apps``.
"""

__version__ = "0.1.0"
