"""Who takes part in which lab, and the sessions each person sees.

A lab's participants are the people (accounts) named by members whose
interest in the lab is accepted: the NamedParticipant rows of accepted
interests that are linked to an account."""

from django.db.models import Q

from applications.enums import InterestState
from applications.models import NamedParticipant
from events.models import Session
from labs.models import Lab
from labs.services import labs_coordinated_by
from members.models import User
from members.rules import is_secretariat


def participations(*, lab=None, person=None):
    """The linked NamedParticipant rows of accepted interests (with interest, lab and member)."""
    rows = NamedParticipant.objects.filter(
        person__isnull=False, anonymised_at=None, interest__state=InterestState.ACCEPTED
    ).select_related("interest__lab", "interest__member", "person")
    if lab is not None:
        rows = rows.filter(interest__lab=lab)
    if person is not None:
        rows = rows.filter(person=person)
    return rows


def participants_of(lab):
    """The accounts of the lab's participants."""
    return User.objects.filter(pk__in=participations(lab=lab).values("person")).order_by("name", "email")


def labs_of_participant(person):
    """The labs a person takes part in."""
    if not person.is_authenticated:
        return Lab.objects.none()
    return Lab.objects.filter(pk__in=participations(person=person).values("interest__lab")).order_by("position", "code")


def participation(*, person, lab):
    """The person's row in the lab (whose interest names their member), or None."""
    if not person.is_authenticated:
        return None
    return participations(lab=lab, person=person).order_by("pk").first()


def is_participant_of(person, lab):
    return participation(person=person, lab=lab) is not None


def labs_managed_by(user):
    """The labs whose sessions and support a person manages: the Secretariat's
    all, a coordinator's those assigned to them."""
    if is_secretariat(user):
        return Lab.objects.all()
    return labs_coordinated_by(user=user)


def sessions_visible_to(user):
    """Sessions of the labs a person takes part in or manages."""
    if not user.is_authenticated:
        return Session.objects.none()
    if is_secretariat(user):
        return Session.objects.all()
    return Session.objects.filter(
        Q(lab__in=labs_of_participant(user)) | Q(lab__in=labs_coordinated_by(user=user))
    ).distinct()


def calendar_sessions(person):
    """What a person's calendar subscription lists: the sessions of the labs they
    take part in or coordinate, less the onsite ones they said they will not attend."""
    if not person.is_authenticated:
        return Session.objects.none()
    labs = Q(lab__in=labs_of_participant(person)) | Q(lab__in=labs_coordinated_by(user=person))
    declined = person.onsite_answers.filter(attending=False).values("session")
    return Session.objects.filter(labs).exclude(pk__in=declined).select_related("lab").distinct()
