"""Pure-Python cores. Nothing under this package may import Django.

Each core is one folder with a curated ``__init__`` and its tests under
``tests/cores/<core>/``. ``tests/test_import_rules.py`` enforces the rule.
"""
