"""Panels that apps above cases add to the case page (screening hits, possible duplicates).

The case page cannot import those apps, so each registers a panel in its ``AppConfig.ready``:
a template and a function that gives the template its context, or ``None`` when the panel has
nothing to show this reader (for example no permission). The function decides what the reader
may see; the page only renders what it is given.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

if TYPE_CHECKING:
    from django.http import HttpRequest

    from safepassage.apps.cases.models import Case

PanelContext = Callable[["HttpRequest", "Case"], dict[str, Any] | None]


@dataclass(frozen=True)
class CasePanel:
    name: str
    template: str
    context: PanelContext
    order: int = 100


_PANELS: dict[str, CasePanel] = {}


def register_case_panel(
    name: str, template: str, context: PanelContext, *, order: int = 100
) -> CasePanel:
    """Add a panel to every case page (once per name)."""
    panel = CasePanel(name, template, context, order)
    _PANELS.setdefault(name, panel)
    return _PANELS[name]


def unregister_case_panel(name: str) -> None:
    _PANELS.pop(name, None)


def render_case_panels(request: HttpRequest, case: Case) -> list[SafeString]:
    """Each registered panel that has something for this reader, rendered, in order."""
    rendered: list[SafeString] = []
    for panel in sorted(_PANELS.values(), key=lambda p: (p.order, p.name)):
        context = panel.context(request, case)
        if context is None:
            continue
        html = render_to_string(panel.template, {"case": case, **context}, request=request)
        rendered.append(SafeString(html))
    return rendered
