"""The rules an expression of interest must meet, each with its message in the
reader's language: open labs and deadlines, members in good standing, travel
support, and what a submission needs. Forms show these messages at their
fields; the services apply the same rules again."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from applications.enums import EDITABLE_BY_MEMBER
from labs.enums import LabStatus
from labs.services import is_member_eligible_for_travel
from labs.wording import describe_support, income_group_words, join_words
from members.enums import MembershipStatus

# A deadline day lasts until it is over everywhere on Earth (UTC−12), so that
# no member is refused while it is still the deadline day where they are.
ANYWHERE_ON_EARTH = zoneinfo.ZoneInfo("Etc/GMT+12")


class InterestRefused(Exception):
    """The member may not express or change interest in this lab now; the message says why."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def today_anywhere_on_earth(now=None):
    return (now or timezone.now()).astimezone(ANYWHERE_ON_EARTH).date()


def deadline_passed(*, lab, now=None):
    return lab.interest_deadline is not None and today_anywhere_on_earth(now) > lab.interest_deadline


def open_for_interest_filter(*, today):
    """The labs (a Q on Lab) that take expressions of interest on this day."""
    return Q(status=LabStatus.OPEN) & (Q(interest_deadline__isnull=True) | Q(interest_deadline__gte=today))


def lab_refusal(*, lab, now=None):
    """Why the lab takes no expression of interest (nor changes to one) now, or None."""
    if lab.status != LabStatus.OPEN:
        return _("%(lab)s is not taking expressions of interest at the moment (status: %(status)s).") % {
            "lab": lab.code,
            "status": lab.get_status_display(),
        }
    if deadline_passed(lab=lab, now=now):
        return _("The deadline for expressions of interest in %(lab)s was %(date)s.") % {
            "lab": lab.code,
            "date": formats.date_format(lab.interest_deadline, "DATE_FORMAT"),
        }
    return None


def contact_addresses(*, lab=None):
    """Whom a member writes to about a lab: its coordinators, or the Secretariat."""
    coordinators = [person.email for person in lab.coordinators.all()] if lab is not None else []
    return coordinators or [settings.SECRETARIAT_EMAIL]


def member_refusal(*, member, lab=None):
    """Why the member cannot express interest, or None. Non-members may take part
    (they are marked as such); a lapsed member is told whom to write to."""
    if member.status != MembershipStatus.LAPSED:
        return None
    return _(
        "%(member)s is not in good standing with the association, so it cannot express interest in labs "
        "for now. Please write to %(contacts)s."
    ) % {"member": member.name, "contacts": join_words(contact_addresses(lab=lab), conjunction="or")}


def refusal(*, member, lab, now=None):
    return member_refusal(member=member, lab=lab) or lab_refusal(lab=lab, now=now)


def may_change(interest, *, now=None):
    """Whether the member's focal points may still change the answers (no query)."""
    return (
        interest.state in EDITABLE_BY_MEMBER
        and interest.member.status != MembershipStatus.LAPSED
        and lab_refusal(lab=interest.lab, now=now) is None
    )


def support_package(lab):
    try:
        return lab.support_package
    except ObjectDoesNotExist:
        return None


def travel_support_refusal(*, lab, member):
    """Why the member cannot ask for travel support in this lab, or None when it can."""
    package = support_package(lab)
    if package is None or not package.has_travel_support:
        return describe_support(package=package)
    if not is_member_eligible_for_travel(package=package, member=member):
        return _(
            "This lab's travel support is for members from %(groups)s income countries; "
            "%(member)s is classified as “%(group)s”."
        ) % {
            "groups": income_group_words(package.eligible_income_groups),
            "member": member.name,
            "group": member.get_income_group_display(),
        }
    return None


ANSWER_MESSAGES = {
    "motivation": lambda: _("Tell us why the member is interested in this lab."),
    "experience": lambda: _("Describe the experience the member can share."),
    "intends_to_attend_onsite": lambda: _("Say whether the member's participants intend to attend onsite."),
    "acknowledged_non_binding": lambda: _("Tick this box: an expression of interest is not binding."),
}
PARTICIPANT_REQUIRED = ["name", "position", "department", "email", "working_language"]


def missing_answers(answers):
    """{field: message} for each answer a submission needs and lacks."""
    missing = {}
    for field, message in ANSWER_MESSAGES.items():
        value = answers.get(field)
        if value is None or value is False or (isinstance(value, str) and not value.strip()):
            missing[field] = message()
    return missing


def missing_participant_fields(participant):
    """{field: message} for each detail of a named person a submission needs (gender is optional)."""
    return {
        field: _("This field is required.")
        for field in PARTICIPANT_REQUIRED
        if not str(participant.get(field) or "").strip()
    }


def no_participant_message():
    return _("Name at least one person who would take part.")
