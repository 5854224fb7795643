"""Organisations, users, memberships with roles, and two-factor sign-in."""
