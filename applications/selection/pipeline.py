"""A lab's pipeline: every submitted interest with what a coordinator needs at
a glance, in a fixed number of queries whatever the number of rows."""

from django.db.models import Case, Count, IntegerField, Prefetch, Value, When

from applications.enums import InterestState as S
from applications.models import Interest, LabParticipant, NamedParticipant
from applications.rules import selection_interests_for

# The states in the order a pipeline reads them (drafts are never in it).
PIPELINE_STATES = [state for state in S if state != S.DRAFT]


def state_rank():
    """The workflow order of states, for sorting."""
    whens = [When(state=state, then=Value(rank)) for rank, state in enumerate(PIPELINE_STATES)]
    return Case(*whens, default=Value(len(PIPELINE_STATES)), output_field=IntegerField())


def with_pipeline_rows(interests):
    """The interests with their member, lab, invitation, waiting-list entry and
    people, in four queries whatever their number."""
    return interests.select_related("member", "lab", "invitation", "waiting").prefetch_related(
        Prefetch("participants", NamedParticipant.objects.order_by("sequence", "pk")),
        Prefetch("lab_participants", LabParticipant.objects.order_by("named_at", "pk")),
    )


def pipeline_interests(*, lab):
    """The lab's submitted interests (any state since), as its pipeline shows them."""
    interests = Interest.objects.filter(lab=lab, submitted_at__isnull=False).annotate(state_rank=state_rank())
    return with_pipeline_rows(interests).order_by("member__name", "pk")


def every_lab_interests(*, user):
    """The submitted interests of every lab whose selection the person runs
    (every lab for the Secretariat), lab by lab, as the pipelines show them."""
    return with_pipeline_rows(selection_interests_for(user)).order_by("lab__code", "member__name", "pk")


def state_counts(*, labs):
    """{lab id: {state: count}} of the labs' submitted interests, every
    pipeline state present (zero included), in one query."""
    counts = {lab_id: dict.fromkeys(PIPELINE_STATES, 0) for lab_id in labs}
    rows = (
        Interest.objects.filter(lab__in=labs, submitted_at__isnull=False)
        .values_list("lab_id", "state")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for lab_id, state, count in rows:
        counts[lab_id][S(state)] = count
    return counts


def people_of(interest):
    """The people a member sends: those it named after accepting, else those
    named in its expression of interest (both prefetched)."""
    confirmed = list(interest.lab_participants.all())
    return confirmed or list(interest.participants.all())


def languages_of(interest):
    """The working languages of those people, sorted, each once."""
    return sorted({person.working_language for person in people_of(interest) if person.working_language})
