import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from labs import services
from labs.enums import ProposalStatus
from labs.models import LabProposal, Theme, WorkingLanguage
from tests.labs.factories import ProposalFactory

pytestmark = pytest.mark.django_db
PROPOSE = reverse("labs:propose")
MINE = reverse("labs:my_proposals")
REVIEW = reverse("labs:review_proposals")


def outcome_url(proposal):
    return reverse("labs:decide_proposal", kwargs={"pk": proposal.pk})


@pytest.fixture
def proposal(focal_point_a):
    return ProposalFactory(proposer=focal_point_a, member=focal_point_a.member, title="Heat in dense districts")


def test_a_signed_in_person_proposes_a_lab_topic(client, focal_point_a):
    client.force_login(focal_point_a)
    ecosystems = Theme.objects.get(slug="metropolitan-ecosystems")

    response = client.post(
        PROPOSE,
        {
            "title": "Urban heat",
            "themes": [ecosystems.pk],
            "challenge": "Heat waves in dense districts.",
            "proposed_host": "Member A",
            "languages": ["en", "fr"],
        },
    )

    proposal = LabProposal.objects.get()
    assert response.status_code == 302
    assert response.url == proposal.get_absolute_url()
    assert (proposal.title, proposal.challenge, proposal.proposed_host) == (
        "Urban heat",
        "Heat waves in dense districts.",
        "Member A",
    )
    assert (proposal.proposer, proposal.member, proposal.status) == (focal_point_a, focal_point_a.member, "submitted")
    assert list(proposal.themes.all()) == [ecosystems]
    assert set(proposal.languages.values_list("code", flat=True)) == {"en", "fr"}


def test_an_incomplete_proposal_is_refused_at_the_fields_and_keeps_what_was_typed(client, person_without_member):
    client.force_login(person_without_member)

    response = client.post(PROPOSE, {"title": "", "challenge": "Heat waves in dense districts.", "proposed_host": ""})

    assert response.status_code == 200
    assert LabProposal.objects.count() == 0
    assert response.context["form"].errors == {
        "title": ["This field is required."],
        "themes": ["This field is required."],
        "languages": ["This field is required."],
    }
    assert "Heat waves in dense districts." in response.content.decode()


def test_the_service_refuses_a_proposal_without_themes(person_without_member):
    with pytest.raises(ValidationError):
        services.submit_proposal(
            proposer=person_without_member,
            title="Heat",
            challenge="Heat",
            themes=[],
            languages=WorkingLanguage.objects.filter(code="en"),
        )
    assert LabProposal.objects.count() == 0


@pytest.mark.parametrize(
    "url",
    [PROPOSE, MINE, REVIEW, "proposal", "outcome"],
)
def test_anonymous_visitors_are_sent_to_sign_in(client, proposal, url):
    address = {"proposal": proposal.get_absolute_url(), "outcome": outcome_url(proposal)}.get(url, url)

    response = client.post(address) if url == "outcome" else client.get(address)

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=")


def test_the_proposer_sees_their_proposals_and_nobody_elses(client, proposal, focal_point_a):
    ProposalFactory(title="Someone else's topic")
    client.force_login(focal_point_a)

    page = client.get(MINE).content.decode()

    assert "Heat in dense districts" in page
    assert "Someone else&#x27;s topic" not in page
    assert client.get(proposal.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("intruder", ["focal_point_b", "coordinator", "participant_a", "person_without_member"])
def test_nobody_else_sees_someones_proposal(client, proposal, intruder, request):
    client.force_login(request.getfixturevalue(intruder))

    assert client.get(proposal.get_absolute_url()).status_code == 404
    assert client.post(outcome_url(proposal), {"status": "accepted"}).status_code == 404
    assert "Heat in dense districts" not in client.get(MINE).content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED


@pytest.mark.parametrize("person", ["focal_point_a", "coordinator", "participant_a"])
def test_only_the_secretariat_reviews_proposals(client, proposal, person, request):
    client.force_login(request.getfixturevalue(person))

    assert client.get(REVIEW).status_code == 403


def test_a_proposer_cannot_give_their_own_proposal_an_outcome(client, proposal, focal_point_a):
    client.force_login(focal_point_a)

    response = client.post(outcome_url(proposal), {"status": "accepted", "note": "Self-approved"})

    assert response.status_code == 403
    proposal.refresh_from_db()
    assert (proposal.status, proposal.outcome_note, proposal.decided_by) == ("submitted", "", None)
    assert "Save the outcome" not in client.get(proposal.get_absolute_url()).content.decode()


def test_the_secretariat_lists_every_proposal_and_filters_by_status(client, proposal, secretariat_admin):
    ProposalFactory(title="Declined topic", status=ProposalStatus.DECLINED)
    client.force_login(secretariat_admin)

    everything = client.get(REVIEW).content.decode()
    declined = client.get(REVIEW, {"status": "declined"}).content.decode()

    assert "Heat in dense districts" in everything
    assert "Declined topic" in everything
    assert "Declined topic" in declined
    assert "Heat in dense districts" not in declined


@pytest.mark.parametrize(
    ("outcome", "label"), [("accepted", "Accepted"), ("declined", "Declined"), ("under_discussion", "Under discussion")]
)
def test_the_secretariat_gives_an_outcome_and_the_proposer_sees_it(
    client, proposal, secretariat_admin, focal_point_a, outcome, label
):
    client.force_login(secretariat_admin)

    response = client.post(outcome_url(proposal), {"status": outcome, "note": "Let us talk in May."})

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.outcome_note, proposal.decided_by) == (
        outcome,
        "Let us talk in May.",
        secretariat_admin,
    )
    assert proposal.decided_at is not None
    client.force_login(focal_point_a)
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert f">{label}</span>" in page
    assert "Let us talk in May." in page


def test_an_invalid_outcome_is_refused_with_a_message(client, proposal, secretariat_admin):
    client.force_login(secretariat_admin)

    response = client.post(outcome_url(proposal), {"status": "submitted", "note": "Kept"})

    assert response.status_code == 400
    assert response.context["form"].errors == {
        "status": ["Select a valid choice. submitted is not one of the available choices."]
    }
    assert "Kept" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == "submitted"


def test_the_outcome_service_refuses_anyone_but_the_secretariat(proposal, coordinator):
    with pytest.raises(PermissionError):
        services.set_proposal_outcome(proposal=proposal, outcome="accepted", by=coordinator)
    proposal.refresh_from_db()
    assert proposal.status == "submitted"


def test_the_review_list_runs_the_same_queries_for_1_or_30_proposals(
    client, secretariat_admin, django_assert_max_num_queries
):
    client.force_login(secretariat_admin)
    ProposalFactory()
    client.get(REVIEW)

    with CaptureQueriesContext(connection) as one:
        client.get(REVIEW)
    for_one = len(one)
    for _ in range(29):
        ProposalFactory()
    client.get(REVIEW)  # the writes make the person's roles be read again once (members.person_facts)
    with django_assert_max_num_queries(for_one):
        response = client.get(REVIEW)
    assert response.context["page"].paginator.count == 30
