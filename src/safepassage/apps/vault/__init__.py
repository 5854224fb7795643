"""Sealed storage in the Django process: the keyring in memory, sealed fields and files.

The server starts sealed. ``safepassage serve`` (or ``safepassage unseal`` for one-off
commands) combines k trustee shares into the root key, opens the keyring state file and
keeps the keyring in this process's memory only. ``safepassage seal`` raises the seal
generation in the database; every process notices within seconds and wipes its keys.
"""
