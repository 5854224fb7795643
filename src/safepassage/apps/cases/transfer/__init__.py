"""Cases in and out in bulk: importing JSON lines or CSV, exporting selected fields."""
