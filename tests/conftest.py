"""Suite-wide test configuration.

Hypothesis runs without per-example deadlines (CI machines are shared and slow)
and with a fixed example budget so the suite's time stays predictable.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile(
    "safepassage",
    deadline=None,
    max_examples=100,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("safepassage")
