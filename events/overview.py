"""The coordinator's view of a lab's travel support and onsite answers, in a
fixed number of queries whatever the number of rows."""

from dataclasses import dataclass

from django.db.models import Count, Q, Sum

from events.enums import HOLDS_PLACE, SessionKind
from events.enums import SupportStatus as S
from events.models import OnsiteAnswer, Session, TravelSupport
from events.selectors import participations
from events.support_rules import ITEM_FILTERS
from labs.models import SupportPackage
from labs.services import capped_items


@dataclass(frozen=True)
class SupportSummary:
    package: SupportPackage | None
    cap: int | None
    funded_members: int
    nights: int
    by_status: list  # (status label, count) for every status
    awaiting_answer: list  # offered support the participant has not answered yet

    @property
    def places_left(self):
        return None if self.cap is None else max(self.cap - self.funded_members, 0)


def support_rows(lab):
    return TravelSupport.objects.filter(lab=lab).select_related("participant", "member", "session")


def support_summary(lab):
    package = SupportPackage.objects.filter(lab=lab).first()
    live = TravelSupport.objects.filter(lab=lab, status__in=HOLDS_PLACE)
    counted = Q()
    for item in capped_items(package=package):
        counted |= ITEM_FILTERS[item]
    funded = live.filter(counted).values("member").distinct().count() if counted else 0
    counts = dict(TravelSupport.objects.filter(lab=lab).order_by().values_list("status").annotate(count=Count("pk")))
    return SupportSummary(
        package=package,
        cap=package.max_funded_members if package else None,
        funded_members=funded,
        nights=live.aggregate(nights=Sum("accommodation_nights"))["nights"] or 0,
        by_status=[(status.label, counts.get(status.value, 0)) for status in S],
        awaiting_answer=list(support_rows(lab).filter(status=S.OFFERED).order_by("offered_at", "pk")),
    )


@dataclass(frozen=True)
class Attendance:
    session: Session
    attending: list
    not_attending: list
    not_answered: list


def onsite_attendance(lab):
    """For each onsite session: who attends, who does not, who has not answered."""
    people = {}
    for row in participations(lab=lab).order_by("pk"):
        people.setdefault(row.person_id, row.person)
    sessions = list(Session.objects.filter(lab=lab, kind=SessionKind.ONSITE).order_by("starts_at", "pk"))
    answers = {}
    for answer in OnsiteAnswer.objects.filter(session__in=sessions):
        answers[(answer.session_id, answer.person_id)] = answer.attending
    result = []
    for session in sessions:
        said = {pk: answers.get((session.pk, pk)) for pk in people}
        result.append(
            Attendance(
                session=session,
                attending=[people[pk] for pk, value in said.items() if value is True],
                not_attending=[people[pk] for pk, value in said.items() if value is False],
                not_answered=[people[pk] for pk, value in said.items() if value is None],
            )
        )
    return result
