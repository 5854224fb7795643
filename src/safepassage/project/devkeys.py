"""Development-only secret key kept in the data folder (production must set SECRET_KEY)."""

from __future__ import annotations

import secrets
from pathlib import Path


def development_secret_key(data_dir: Path) -> str:
    """Return the development key, creating it (mode 0600) on first use."""
    path = data_dir / "development-secret-key"
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    try:
        with path.open("x", encoding="ascii") as handle:
            path.chmod(0o600)
            handle.write(key)
    except FileExistsError:  # another process won the race
        return path.read_text(encoding="ascii").strip()
    return key
