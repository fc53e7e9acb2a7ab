"""Catalogue facts in plain words, in the reader's language."""

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from labs.enums import CapScope, LanguageCode
from members.enums import IncomeGroup, WorldRegion


def join_words(words, *, conjunction="and"):
    """'a, b and c' (or 'a, b or c') in the reader's language."""
    words = [str(word) for word in words]
    if len(words) < 2:
        return "".join(words)
    pattern = _("%(first)s and %(last)s") if conjunction == "and" else _("%(first)s or %(last)s")
    return pattern % {"first": ", ".join(words[:-1]), "last": words[-1]}


def income_group_words(groups):
    adjectives = {
        IncomeGroup.LOW: pgettext("income group", "low"),
        IncomeGroup.LOWER_MIDDLE: pgettext("income group", "lower-middle"),
        IncomeGroup.UPPER_MIDDLE: pgettext("income group", "upper-middle"),
        IncomeGroup.HIGH: pgettext("income group", "high"),
    }
    return join_words([adjectives[group] for group in IncomeGroup if group in groups], conjunction="or")


def _items(package, *, with_airfare):
    words = []
    if package.airfare and with_airfare:
        words.append(_("airfare"))
    if package.accommodation_nights:
        nights = package.accommodation_nights
        words.append(
            ngettext("%(count)s night of accommodation", "%(count)s nights of accommodation", nights)
            % {"count": nights}
        )
    if package.local_transport:
        words.append(_("local transport"))
    if package.meals:
        words.append(_("meals"))
    if package.event_pass:
        words.append(_("an event pass"))
    return capfirst(join_words(words))


def _representatives(package):
    count = package.representatives_per_member
    return ngettext("one representative", "%(count)s representatives", count) % {"count": count}


def _for_whom(package, items):
    cap, groups = package.max_funded_members, package.restricts_income_groups
    values = {
        "items": items,
        "representatives": _representatives(package),
        "count": cap,
        "groups": income_group_words(package.eligible_income_groups),
    }
    if cap and groups:
        pattern = ngettext(
            "%(items)s for %(representatives)s of up to %(count)s member from %(groups)s income countries.",
            "%(items)s for %(representatives)s of up to %(count)s members from %(groups)s income countries.",
            cap,
        )
    elif cap:
        pattern = ngettext(
            "%(items)s for %(representatives)s of up to %(count)s member.",
            "%(items)s for %(representatives)s of up to %(count)s members.",
            cap,
        )
    elif groups:
        pattern = _("%(items)s for %(representatives)s of each member from %(groups)s income countries.")
    else:
        pattern = _("%(items)s for %(representatives)s of each participating member.")
    return pattern % values


def _airfare_also(package):
    cap = package.max_funded_members
    values = {"count": cap, "groups": income_group_words(package.eligible_income_groups)}
    if cap and package.restricts_income_groups:
        return (
            ngettext(
                "Airfare is also covered for up to %(count)s member from %(groups)s income countries.",
                "Airfare is also covered for up to %(count)s members from %(groups)s income countries.",
                cap,
            )
            % values
        )
    if cap:
        return (
            ngettext(
                "Airfare is also covered for up to %(count)s member.",
                "Airfare is also covered for up to %(count)s members.",
                cap,
            )
            % values
        )
    return _("Airfare is also covered for members from %(groups)s income countries.") % values


def describe_support(*, package):
    """The support package in one or two plain sentences."""
    if package is None or not package.has_travel_support:
        return _("No travel support: Metropolis facilitates the meetings but does not fund travel.")
    if not package.funds_anything:
        return _("Travel support for a small number of participants; details to be confirmed.")
    if package.cap_scope == CapScope.AIRFARE_ONLY:
        first = _("%(items)s for %(representatives)s of each participating member.") % {
            "items": _items(package, with_airfare=False),
            "representatives": _representatives(package),
        }
        return f"{first} {_airfare_also(package)}"
    sentence = _for_whom(package, _items(package, with_airfare=True))
    if not package.airfare:
        not_covered = _("Airfare is not covered.")
        sentence = f"{sentence} {not_covered}"
    return sentence


def interpretation_note(*, lab):
    if not lab.interpretation_language:
        return ""
    language = LanguageCode(lab.interpretation_language).label
    if lab.interpretation_to_be_confirmed:
        return _("Interpretation into %(language)s to be confirmed") % {"language": language}
    return _("Interpretation into %(language)s") % {"language": language}


def online_discussions(*, lab):
    low, high = lab.number_of_online_discussions, lab.max_online_discussions
    if low is None:
        return _("Online discussions (number to be confirmed)")
    if high and high != low:
        return _("%(low)s to %(high)s online discussions") % {"low": low, "high": high}
    return ngettext("%(count)s online discussion", "%(count)s online discussions", low) % {"count": low}


def workshop_place(*, workshop):
    country = workshop.country.name if workshop.country else ""
    if workshop.city:
        return f"{workshop.city}, {country}" if country else workshop.city
    if workshop.region:
        return _("A city in %(region)s (to be determined)") % {"region": WorldRegion(workshop.region).label}
    if country:
        return _("A city in %(country)s (to be determined)") % {"country": country}
    return _("Place to be determined")
