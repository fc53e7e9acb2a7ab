"""A lab's pipeline: every submitted interest with its state, region, income
group, languages, people and travel support; filters, counts, sorting,
pages, decisions on ticked rows; and who may see it."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from applications.enums import InterestState as S
from applications.models import Interest, NamedParticipant, StateChange
from members.models import Member
from members.roles import Role
from tests.a11y import assert_accessible
from tests.applications.factories import InterestFactory
from tests.applications.selection.factories import FormalInvitationFactory, candidate
from tests.factories import UserFactory
from tests.labs.factories import LabFactory

pytestmark = pytest.mark.django_db


def pipeline_url(lab):
    return reverse("applications:pipeline", kwargs={"code": lab.code})


def signed_in(client, person):
    client.force_login(person)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def names(response):
    return [interest.member.name for interest in response.context["page"]]


@pytest.fixture
def cohort_of_five(lab):
    return {
        "bogota": candidate(
            lab,
            "Bogotá",
            state=S.PRESELECTED,
            region="latin_america",
            income_group="upper_middle",
            travel=True,
            people=[("Laura Gómez", "es", "woman")],
        ),
        "dakar": candidate(
            lab,
            "Dakar",
            state=S.IN_CONVERSATION,
            region="africa",
            income_group="lower_middle",
            travel=True,
            people=[("Awa Ndiaye", "fr", "woman"), ("Moussa Sow", "fr", "man")],
        ),
        "berlin": candidate(lab, "Berlin", state=S.SUBMITTED, people=[("Jonas Weber", "en", "man")]),
        "montreal": candidate(
            lab, "Montréal", state=S.NOT_SELECTED, region="north_america", people=[("Marie Roy", "fr", "")]
        ),
        "quito": candidate(
            lab,
            "Quito",
            state=S.SUBMITTED,
            region="latin_america",
            income_group="upper_middle",
            people=[("Ana Pérez", "es", "woman")],
        ),
    }


def test_the_pipeline_lists_every_submitted_interest_with_what_a_coordinator_needs(
    client, lab, lab_coordinator, cohort_of_five
):
    InterestFactory(lab=lab, state=S.DRAFT)  # a draft is the member's own
    InterestFactory(state=S.SUBMITTED)  # another lab's

    response = signed_in(client, lab_coordinator).get(pipeline_url(lab))

    assert response.status_code == 200
    assert names(response) == ["Berlin", "Bogotá", "Dakar", "Montréal", "Quito"]
    page = response.content.decode()
    row = page[page.index(">Dakar</a>") : page.index("</tr>", page.index(">Dakar</a>"))]
    assert "In conversation" in row
    assert "Africa" in row
    assert "Lower-middle income" in row
    assert "French" in row
    assert "Awa Ndiaye, Moussa Sow" in row
    assert "Yes" in row
    assert_accessible(response)


def test_counts_per_state_cover_the_whole_lab_whatever_the_filters(client, lab, lab_coordinator, cohort_of_five):
    response = signed_in(client, lab_coordinator).get(pipeline_url(lab), {"region": "africa"})

    assert [(state.value, count) for state, count in response.context["counts"]] == [
        ("submitted", 2),
        ("in_conversation", 1),
        ("preselected", 1),
        ("invited", 0),
        ("accepted", 0),
        ("declined", 0),
        ("not_selected", 1),
        ("withdrawn", 0),
    ]
    assert response.context["total"] == 5
    assert names(response) == ["Dakar"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"state": ["submitted"]}, ["Berlin", "Quito"]),
        ({"state": ["submitted", "preselected"]}, ["Berlin", "Bogotá", "Quito"]),
        ({"region": "latin_america"}, ["Bogotá", "Quito"]),
        ({"income_group": "high"}, ["Berlin", "Montréal"]),
        ({"language": "fr"}, ["Dakar", "Montréal"]),
        ({"travel": "yes"}, ["Bogotá", "Dakar"]),
        ({"travel": "no"}, ["Berlin", "Montréal", "Quito"]),
        ({"q": "awa"}, ["Dakar"]),  # a person named
        ({"q": "mont"}, ["Montréal"]),  # the member
        ({"region": "latin_america", "language": "es", "state": ["submitted"]}, ["Quito"]),
    ],
)
def test_each_filter_narrows_the_list(client, lab, lab_coordinator, cohort_of_five, query, expected):
    response = signed_in(client, lab_coordinator).get(pipeline_url(lab), query)

    assert names(response) == expected


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("member", ["Berlin", "Bogotá", "Dakar", "Montréal", "Quito"]),
        ("-member", ["Quito", "Montréal", "Dakar", "Bogotá", "Berlin"]),
        ("state", ["Berlin", "Quito", "Dakar", "Bogotá", "Montréal"]),  # workflow order, then name
        ("region", ["Dakar", "Berlin", "Bogotá", "Quito", "Montréal"]),
    ],
)
def test_the_list_sorts_by_a_column(client, lab, lab_coordinator, cohort_of_five, sort, expected):
    response = signed_in(client, lab_coordinator).get(pipeline_url(lab), {"sort": sort})

    assert names(response) == expected


def test_the_pipeline_shows_the_answers_to_invitations_as_they_come(client, lab, lab_coordinator):
    invited = candidate(lab, "Lima", state=S.INVITED)
    FormalInvitationFactory(interest=invited, respond_by=datetime.datetime(2031, 5, 2, 14, 30, tzinfo=datetime.UTC))
    accepted = candidate(lab, "Lyon", state=S.ACCEPTED)
    FormalInvitationFactory(interest=accepted, answered_at=datetime.datetime(2031, 4, 20, 9, 30, tzinfo=datetime.UTC))

    page = signed_in(client, lab_coordinator).get(pipeline_url(lab)).content.decode()

    assert "Answer due by 05/02/2031 2:30 p.m." in " ".join(page.split())
    assert "Answered 04/20/2031 9:30 a.m." in " ".join(page.split())


def test_the_pipeline_is_paginated_and_keeps_its_filters(client, lab, lab_coordinator):
    for number in range(30):
        candidate(lab, f"City {number:02}", region="asia_pacific")

    first = signed_in(client, lab_coordinator).get(pipeline_url(lab), {"region": "asia_pacific"})
    second = client.get(pipeline_url(lab), {"region": "asia_pacific", "page": 2})

    assert len(first.context["page"]) == 25
    assert names(second) == [f"City {number}" for number in range(25, 30)]
    assert "?region=asia_pacific&amp;page=2" in first.content.decode()


def bulk_create_pipeline(lab, count):
    """`count` members with a submitted interest in `lab` and two people each."""
    Member.objects.bulk_create(
        [Member(name=f"Member {n:04}", country="FR", region="europe", income_group="high") for n in range(count)]
    )
    now = timezone.now()
    members = Member.objects.filter(name__startswith="Member ").order_by("pk")
    Interest.objects.bulk_create(
        [Interest(member=member, lab=lab, state=S.SUBMITTED, submitted_at=now) for member in members]
    )
    NamedParticipant.objects.bulk_create(
        [
            NamedParticipant(interest=interest, name=f"Person {interest.pk}-{n}", working_language="en", sequence=n)
            for interest in Interest.objects.filter(lab=lab)
            for n in range(2)
        ]
    )


@pytest.mark.parametrize("count", [1, 500])
def test_the_pipeline_costs_the_same_queries_for_1_or_500_interests(
    client, lab, lab_coordinator, count, django_assert_max_num_queries
):
    bulk_create_pipeline(lab, count)
    signed_in(client, lab_coordinator)

    # session, user, roles, second factor, Django's two permission lookups, lab, counts per
    # state, page count, page rows, people named, people confirmed
    with django_assert_max_num_queries(12):
        response = client.get(pipeline_url(lab), {"sort": "-member", "language": "en"})

    assert len(response.context["page"]) == min(count, 25)


def test_ticked_members_are_marked_not_selected_in_one_go_each_change_recorded(
    client, lab, lab_coordinator, cohort_of_five
):
    berlin, quito = cohort_of_five["berlin"], cohort_of_five["quito"]

    response = signed_in(client, lab_coordinator).post(
        pipeline_url(lab) + "?region=europe",
        {
            "interests": [berlin.pk, quito.pk],
            "to": "not_selected",
            "reason": "Enough European members.",
            "message": "Thank you; we will keep you informed.",
            "action": "change",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == pipeline_url(lab) + "?region=europe"
    assert sorted(Interest.objects.filter(state=S.NOT_SELECTED).values_list("member__name", flat=True)) == [
        "Berlin",
        "Montréal",
        "Quito",
    ]
    assert sorted(
        StateChange.objects.filter(to_state=S.NOT_SELECTED).values_list(
            "interest__member__name", "from_state", "by__email", "reason", "message"
        )
    ) == [
        (
            "Berlin",
            "submitted",
            lab_coordinator.email,
            "Enough European members.",
            "Thank you; we will keep you informed.",
        ),
        (
            "Quito",
            "submitted",
            lab_coordinator.email,
            "Enough European members.",
            "Thank you; we will keep you informed.",
        ),
    ]


def test_a_bulk_change_the_workflow_refuses_changes_nothing_and_keeps_what_was_typed(
    client, lab, lab_coordinator, cohort_of_five
):
    dakar, montreal = cohort_of_five["dakar"], cohort_of_five["montreal"]

    response = signed_in(client, lab_coordinator).post(
        pipeline_url(lab),
        {"interests": [dakar.pk, montreal.pk], "to": "preselected", "reason": "Strong case", "action": "change"},
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing was changed: Montréal (Not selected) cannot be moved to “Pre-selected”." in page
    assert "Strong case" in page
    assert f'value="{dakar.pk}" id="tick-{dakar.pk}" checked' in page
    assert Interest.objects.get(pk=dakar.pk).state == S.IN_CONVERSATION


def test_marking_not_selected_needs_a_reason_at_its_field(client, lab, lab_coordinator, cohort_of_five):
    response = signed_in(client, lab_coordinator).post(
        pipeline_url(lab), {"interests": [cohort_of_five["berlin"].pk], "to": "not_selected", "action": "change"}
    )

    assert response.status_code == 200
    assert response.context["bulk"].errors == {"reason": ["Say why these members are not selected."]}
    assert Interest.objects.get(pk=cohort_of_five["berlin"].pk).state == S.SUBMITTED


def test_deciding_with_nothing_ticked_says_so(client, lab, lab_coordinator, cohort_of_five):
    response = signed_in(client, lab_coordinator).post(pipeline_url(lab), {"to": "in_conversation", "action": "change"})

    assert response.context["bulk"].errors == {"interests": ["Tick at least one member."]}


def test_another_labs_interest_cannot_be_ticked(client, lab, lab_coordinator, cohort_of_five):
    elsewhere = InterestFactory(lab=LabFactory(code="SL9"), state=S.SUBMITTED)

    response = signed_in(client, lab_coordinator).post(
        pipeline_url(lab), {"interests": [elsewhere.pk], "to": "in_conversation", "action": "change"}
    )

    assert response.status_code == 200
    assert "interests" in response.context["bulk"].errors
    assert Interest.objects.get(pk=elsewhere.pk).state == S.SUBMITTED


@pytest.mark.parametrize("who", ["focal_point_a", "participant_a", "person_without_member"])
def test_members_people_are_refused_the_pipeline(client, request, lab, who):
    response = signed_in(client, request.getfixturevalue(who)).get(pipeline_url(lab))

    assert response.status_code == 403


def test_another_labs_coordinator_gets_404_and_cannot_decide(client, lab, cohort_of_five):
    other = UserFactory(email="otto@secretariat.example", role=Role.COORDINATOR)
    LabFactory(code="SL9").coordinators.add(other)
    berlin = cohort_of_five["berlin"]

    assert signed_in(client, other).get(pipeline_url(lab)).status_code == 404
    response = client.post(pipeline_url(lab), {"interests": [berlin.pk], "to": "in_conversation", "action": "change"})

    assert response.status_code == 404
    assert Interest.objects.get(pk=berlin.pk).state == S.SUBMITTED


def test_the_secretariat_sees_every_labs_pipeline(client, lab, secretariat_admin, cohort_of_five):
    response = signed_in(client, secretariat_admin).get(pipeline_url(lab))

    assert len(names(response)) == 5
