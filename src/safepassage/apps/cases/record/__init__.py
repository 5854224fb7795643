"""The sealed record of a case: its sections, how each is edited, and what a page shows."""
