"""The case itself: creating, listing, finding, opening, noting, filing, shredding."""
