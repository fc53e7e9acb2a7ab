"""A person's data: what they can download, and what anonymisation clears.

Each app registers a section with `register_section(name, export=..., anonymise=...)`
(from its AppConfig.ready or its own module): `export(person)` returns plain JSON
values; `anonymise(person)`, when given, clears that app's personal data about
the person while keeping the records other people rely on.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone


@dataclass(frozen=True)
class Section:
    name: str
    export: Callable
    anonymise: Callable | None = None


_sections: dict[str, Section] = {}


def register_section(name, *, export, anonymise=None):
    _sections[name] = Section(name=name, export=export, anonymise=anonymise)


def section_names():
    return list(_sections)


def export_personal_data(*, person):
    data = {"exported_at": timezone.now().isoformat()}
    for section in _sections.values():
        data[section.name] = section.export(person)
    return data


def anonymise_sections(*, person):
    for section in _sections.values():
        if section.anonymise is not None:
            section.anonymise(person)


def _iso(moment):
    return moment.isoformat() if moment else None


def export_profile(person):
    return {
        "email": person.email,
        "name": person.name,
        "position": person.position,
        "department": person.department,
        "preferred_language": person.preferred_language,
        "time_zone": person.time_zone,
        "gender": person.gender,
        "date_joined": _iso(person.date_joined),
        "last_login": _iso(person.last_login),
    }


def export_member(person):
    member = person.member
    if member is None:
        return None
    return {"name": member.name, "country": member.country.code}


def export_roles(person):
    return sorted(person.groups.values_list("name", flat=True))


def export_email_addresses(person):
    from allauth.account.models import EmailAddress

    return [
        {"email": address.email, "verified": address.verified, "primary": address.primary}
        for address in EmailAddress.objects.filter(user=person).order_by("email")
    ]


def export_invitations(person):
    from django.db.models import Q

    from members.models import Invitation

    invitations = Invitation.objects.filter(Q(email__iexact=person.email) | Q(accepted_by=person)).select_related(
        "member"
    )
    return [
        {
            "member": invitation.member.name,
            "role": invitation.role,
            "email": invitation.email,
            "sent_at": _iso(invitation.sent_at),
            "expires_at": _iso(invitation.expires_at),
            "accepted_at": _iso(invitation.accepted_at),
        }
        for invitation in invitations.order_by("created_at", "pk")
    ]


def export_link_requests(person):
    return [
        {
            "member": link_request.member.name,
            "role": link_request.role,
            "message": link_request.message,
            "status": link_request.status,
            "asked_at": _iso(link_request.created_at),
            "decided_at": _iso(link_request.decided_at),
            "decision_note": link_request.decision_note,
        }
        for link_request in person.link_requests.select_related("member").order_by("created_at", "pk")
    ]


register_section("profile", export=export_profile)
register_section("member", export=export_member)
register_section("roles", export=export_roles)
register_section("email_addresses", export=export_email_addresses)
register_section("invitations", export=export_invitations)
register_section("link_requests", export=export_link_requests)
