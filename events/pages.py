"""What the participant's page shows, gathered in a fixed number of queries."""

import re
from dataclasses import dataclass, field

from django.utils import timezone

from events.forms import OnsiteAnswerForm
from events.models import LabDocument, OnsiteAnswer, Session, TravelSupport
from events.selectors import participations

# "s12" answers for session 12; "g3-1" for the sessions of alternative group 1 of lab 3.
BLOCK_KEY = re.compile(r"s(?P<session>\d+)|g(?P<lab>\d+)-(?P<group>\d+)")


def block_key(session):
    group = session.alternative_group
    return f"s{session.pk}" if group is None else f"g{session.lab_id}-{group}"


@dataclass
class AnswerBlock:
    """One answer the participant gives: for one onsite session, or for the sessions of one alternative group."""

    sessions: list
    form: OnsiteAnswerForm
    key: str


@dataclass
class LabBlock:
    lab: object
    member: object
    upcoming: list = field(default_factory=list)
    past: list = field(default_factory=list)
    answers: list = field(default_factory=list)
    supports: list = field(default_factory=list)
    documents: list = field(default_factory=list)


def answer_blocks(upcoming_onsite, answered):
    """Groups upcoming onsite sessions by alternative group, each with its form
    showing the current answer (`answered`: session pk → attending)."""
    groups = {}
    for session in upcoming_onsite:
        groups.setdefault(block_key(session), []).append(session)
    blocks = []
    for key, sessions in groups.items():
        chosen = [session for session in sessions if answered.get(session.pk) is True]
        if chosen:
            initial = str(chosen[0].pk)
        elif all(answered.get(session.pk) is False for session in sessions):
            initial = OnsiteAnswerForm.NONE
        else:
            initial = None
        form = OnsiteAnswerForm(sessions=sessions, initial={"choice": initial}, prefix=key)
        blocks.append(AnswerBlock(sessions=sessions, form=form, key=key))
    return blocks


def my_labs(person, *, labs):
    """A LabBlock for each of `labs` (those of the page shown) the person takes part in."""
    now = timezone.now()
    lab_ids = [lab.pk for lab in labs]
    members = {row.interest.lab_id: row.interest.member for row in participations(person=person)}
    blocks = {lab.pk: LabBlock(lab=lab, member=members.get(lab.pk)) for lab in labs}
    sessions = Session.objects.filter(lab_id__in=lab_ids).select_related("workshop").order_by("starts_at", "pk")
    answered = dict(OnsiteAnswer.objects.filter(person=person).values_list("session_id", "attending"))
    upcoming_onsite = {lab_id: [] for lab_id in lab_ids}
    for session in sessions:
        block = blocks[session.lab_id]
        session.lab = block.lab
        if session.ends_at >= now:
            block.upcoming.append(session)
            if session.is_onsite:
                upcoming_onsite[session.lab_id].append(session)
        else:
            block.past.insert(0, session)
    for lab_id, onsite in upcoming_onsite.items():
        blocks[lab_id].answers = answer_blocks(onsite, answered)
    supports = TravelSupport.objects.filter(participant=person, lab_id__in=lab_ids).select_related("session")
    for support in supports.order_by("-offered_at", "-pk"):
        blocks[support.lab_id].supports.append(support)
    for document in LabDocument.objects.filter(lab_id__in=lab_ids).select_related("session"):
        blocks[document.lab_id].documents.append(document)
    return [blocks[lab.pk] for lab in labs]
