"""Linkage: possible duplicates and impostor signals between cases (issue 14)."""
