"""Background jobs: the registry that every app adds its worker jobs to.

The bottom of the platform layer: it imports no other app. Each app that has background
work keeps it in ``<app>/jobs.py``; :func:`~safepassage.apps.jobs.registry.load_jobs`
imports those modules (as Django's admin discovers ``admin.py``), so the registry never
has to know the apps above it.
"""
