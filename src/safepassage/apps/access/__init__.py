"""Default-deny access policy: one table that every route must appear in."""
