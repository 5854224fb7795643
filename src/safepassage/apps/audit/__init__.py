"""Append-only, hash-chained audit trail. Entries hold pseudonymous ids and action names only."""
