"""Named exceptions of the procedures core."""

from __future__ import annotations


class ProceduresError(Exception):
    """Base class of every error raised by this package."""


class RuleDataError(ProceduresError, ValueError):
    """A rules data file is malformed; the message names the file and the record."""

    def __init__(self, source: str, record: str, problem: str) -> None:
        self.source = source
        self.record = record
        self.problem = problem
        super().__init__(f"{source}: record {record}: {problem}")


class UnknownRuleError(ProceduresError, KeyError):
    """No rule with this id exists in the rule set."""

    def __str__(self) -> str:
        return f"unknown rule {self.args[0]!r}"


class NoVersionInForceError(ProceduresError, LookupError):
    """The rule exists but no version of it was in force on the trigger date."""


class NaiveDatetimeError(ProceduresError, ValueError):
    """A datetime without a time zone was given where an aware UTC instant is required."""


class UnknownTrackError(ProceduresError, ValueError):
    """The rule has tracks and the one named is not among them."""
