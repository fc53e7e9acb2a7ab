"""Sessions and travel support in plain words, in the reader's language."""

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from labs.wording import join_words


def describe_items(support):
    """'Airfare, 3 nights of accommodation and meals' for a support (or SupportItems)."""
    words = []
    if support.airfare:
        words.append(_("airfare"))
    if support.accommodation_nights:
        nights = support.accommodation_nights
        words.append(
            ngettext("%(count)s night of accommodation", "%(count)s nights of accommodation", nights)
            % {"count": nights}
        )
    if support.local_transport:
        words.append(_("local transport"))
    if support.meals:
        words.append(_("meals"))
    if support.event_pass:
        words.append(_("an event pass"))
    return capfirst(join_words(words)) if words else _("Nothing yet")


def where(session):
    """The join link of an online session, or the place of an onsite one."""
    if session.is_onsite:
        return session.place
    return session.video_link or _("The video link will follow.")
