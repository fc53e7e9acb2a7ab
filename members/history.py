"""A member's history across labs, shown on the member's page.

The members app knows no labs: the apps that record a member's interest and
participation register a section here (from their AppConfig.ready), and the
member page shows each one. With none registered, or none with anything to
show, the page says that the member has no history yet.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class HistorySection:
    """`get_context(member, viewer)` returns the template's context, or None when
    the section has nothing to show for this member."""

    name: str
    template_name: str
    get_context: Callable


_sections: dict[str, HistorySection] = {}


def register_history_section(name, *, template_name, get_context):
    _sections[name] = HistorySection(name=name, template_name=template_name, get_context=get_context)


def history_for(*, member, viewer):
    """[(template name, context)] of the sections that have something to show."""
    shown = []
    for section in _sections.values():
        context = section.get_context(member, viewer)
        if context is not None:
            shown.append((section.template_name, context))
    return shown
