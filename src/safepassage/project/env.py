"""Typed readers for settings that come from the environment.

Secrets come from ``NAME`` or from a file named by ``NAME_FILE`` (so they need not
sit in the process environment), are wrapped in :class:`Secret` so they never print
themselves, and a required value that is missing stops start-up with a message that
says which variable to set.
"""

from __future__ import annotations

import os
from pathlib import Path


class ConfigurationError(RuntimeError):
    """A setting is missing or malformed; the message names the variable, never its value."""


class Secret:
    """A string that does not show itself in reprs, logs or tracebacks."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def read_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value is None else value.strip()


def read_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    lowered = raw.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigurationError(f"{name} must be one of: 1, 0, true, false, yes, no, on, off.")


def read_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ConfigurationError(f"{name} must be a whole number.") from None
    if value < minimum:
        raise ConfigurationError(f"{name} must be at least {minimum}.")
    return value


def read_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def read_secret(name: str) -> Secret | None:
    """Read ``NAME`` or the file named by ``NAME_FILE``; ``None`` when neither is set."""
    direct = os.environ.get(name)
    file_name = os.environ.get(f"{name}_FILE")
    if direct and file_name:
        raise ConfigurationError(f"Set either {name} or {name}_FILE, not both.")
    if direct:
        return Secret(direct.strip())
    if file_name:
        try:
            content = Path(file_name).read_text(encoding="utf-8").strip()
        except OSError:
            raise ConfigurationError(f"{name}_FILE names a file that cannot be read.") from None
        if not content:
            raise ConfigurationError(f"{name}_FILE names an empty file.")
        return Secret(content)
    return None


def require(name: str, value: object | None, why: str) -> None:
    """Fail start-up when a production setting is missing."""
    if value is None or value == [] or value == "":
        raise ConfigurationError(f"{name} must be set in production: {why}")
