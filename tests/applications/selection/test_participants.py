"""After accepting, the member names its participants within the lab's
number: its own people (who get the Participant role) or new people, who are
invited to the portal as participants."""

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from applications.enums import InterestState as S
from applications.models import LabParticipant
from applications.selection import participants
from members.models import Invitation
from members.outbox.models import Message
from members.roles import Role, has_role
from members.services import accept_invitation
from tests.a11y import assert_accessible
from tests.applications.factories import InterestFactory
from tests.applications.test_pages import text_of
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_PERSON = {
    "name": "Ana Pérez",
    "email": "Ana.Perez@quito.example",
    "position": "Director",
    "department": "Care",
    "working_language": "es",
    "gender": "woman",
}


@pytest.fixture
def accepted_a(member_a, lab):
    lab.participants_per_member = 2
    lab.save()
    return InterestFactory(member=member_a, lab=lab, state=S.ACCEPTED)


def page(interest):
    return reverse("applications:participants", kwargs={"pk": interest.pk})


def test_one_of_the_members_people_is_named_and_becomes_a_participant(accepted_a, focal_point_a, colleague_a):
    row = participants.name_participant(interest=accepted_a, by=focal_point_a, person=colleague_a)

    assert (row.person, row.email, row.name, row.named_by, row.portal_invitation) == (
        colleague_a,
        "colega.a@example.org",
        "Colega",
        focal_point_a,
        None,
    )
    colleague_a.refresh_from_db()
    assert has_role(colleague_a, Role.PARTICIPANT)
    assert Invitation.objects.count() == 0


def test_someone_new_is_invited_to_the_portal_as_a_participant_and_linked_once_signed_up(
    accepted_a, member_a, focal_point_a
):
    row = participants.name_participant(interest=accepted_a, by=focal_point_a, details=NEW_PERSON)

    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.member, invitation.role, invitation.language) == (
        "ana.perez@quito.example",
        member_a,
        Role.PARTICIPANT,
        "es",
    )
    assert (row.portal_invitation, row.person, row.email) == (invitation, None, "ana.perez@quito.example")
    assert Message.objects.get().occasion == "person_invitation"

    person = accept_invitation(invitation=invitation, name="Ana Pérez", password="a-long-password-2031")

    row.refresh_from_db()
    assert row.person == person
    assert has_role(person, Role.PARTICIPANT)


def test_no_more_than_the_lab_allows(accepted_a, focal_point_a, colleague_a, participant_a):
    participants.name_participant(interest=accepted_a, by=focal_point_a, person=colleague_a)
    participants.name_participant(interest=accepted_a, by=focal_point_a, person=participant_a)

    with pytest.raises(ValidationError) as error:
        participants.name_participant(interest=accepted_a, by=focal_point_a, details=NEW_PERSON)

    assert error.value.messages == ["SL6 takes at most 2 participants per member: remove one to name another."]
    assert LabParticipant.objects.count() == 2
    assert Invitation.objects.count() == 0


def test_removing_one_frees_a_place(accepted_a, focal_point_a, colleague_a, participant_a):
    first = participants.name_participant(interest=accepted_a, by=focal_point_a, person=colleague_a)
    participants.name_participant(interest=accepted_a, by=focal_point_a, person=participant_a)

    participants.remove_participant(participant=first, by=focal_point_a)
    participants.name_participant(interest=accepted_a, by=focal_point_a, details=NEW_PERSON)

    assert sorted(LabParticipant.objects.values_list("email", flat=True)) == [
        "ana.perez@quito.example",
        "participant.a@example.org",
    ]


def test_the_same_person_is_named_once(accepted_a, focal_point_a):
    participants.name_participant(interest=accepted_a, by=focal_point_a, details=NEW_PERSON)

    with pytest.raises(ValidationError) as error:
        participants.name_participant(
            interest=accepted_a, by=focal_point_a, details={**NEW_PERSON, "email": "ana.perez@QUITO.example"}
        )

    assert error.value.message_dict == {"email": ["This person is already named for this lab."]}


def test_a_person_of_another_member_cannot_be_named(accepted_a, focal_point_a, focal_point_b):
    with pytest.raises(ValidationError) as by_account:
        participants.name_participant(interest=accepted_a, by=focal_point_a, person=focal_point_b)
    with pytest.raises(ValidationError) as by_address:
        participants.name_participant(
            interest=accepted_a, by=focal_point_a, details={**NEW_PERSON, "email": focal_point_b.email}
        )

    assert by_account.value.message_dict == {"person": ["Choose one of your member's people."]}
    assert by_address.value.message_dict == {"email": ["focal.b@example.org already acts for Member B."]}
    assert LabParticipant.objects.count() == 0


def test_participants_are_named_only_after_acceptance(member_a, focal_point_a, lab):
    invited = InterestFactory(member=member_a, lab=lab, state=S.INVITED)

    with pytest.raises(ValidationError):
        participants.name_participant(interest=invited, by=focal_point_a, details=NEW_PERSON)


def test_only_the_members_focal_points_name_participants(accepted_a, focal_point_b, lab_coordinator):
    for person in (focal_point_b, lab_coordinator):
        with pytest.raises(PermissionDenied):
            participants.name_participant(interest=accepted_a, by=person, details=NEW_PERSON)


def test_the_page_names_and_removes_participants(client, accepted_a, focal_point_a, colleague_a):
    client.force_login(focal_point_a)

    shown = client.get(page(accepted_a))
    client.post(page(accepted_a), {"action": "add", "person": str(colleague_a.pk)})
    response = client.post(page(accepted_a), {"action": "add", **NEW_PERSON})

    assert "The lab takes up to 2 participants per member. 2 places left." in text_of(shown)
    assert_accessible(shown)
    assert response.status_code == 302
    after = client.get(page(accepted_a))
    assert "0 places left." in text_of(after)
    assert "Name a participant" not in text_of(after)
    row = LabParticipant.objects.get(email="colega.a@example.org")
    client.post(page(accepted_a), {"action": "remove", "participant": row.pk})
    assert list(LabParticipant.objects.values_list("email", flat=True)) == ["ana.perez@quito.example"]


def test_the_page_marks_missing_details_and_keeps_what_was_typed(client, accepted_a, focal_point_a):
    client.force_login(focal_point_a)

    response = client.post(page(accepted_a), {"action": "add", "name": "Ana Pérez", "position": "Director"})

    assert response.status_code == 200
    assert response.context["form"].errors == {"email": ["This field is required for someone new."]}
    assert 'value="Director"' in response.content.decode()
    assert LabParticipant.objects.count() == 0


def test_the_coordinator_sees_the_named_participants(client, accepted_a, focal_point_a, lab_coordinator):
    participants.name_participant(interest=accepted_a, by=focal_point_a, details=NEW_PERSON)
    client.force_login(lab_coordinator)

    text = text_of(client.get(reverse("applications:selection_interest", kwargs={"pk": accepted_a.pk})))

    assert "Participants named after acceptance Ana Pérez · ana.perez@quito.example · Woman" in text


def test_a_named_person_downloads_and_can_erase_their_participations(client, accepted_a, focal_point_a, colleague_a):
    participants.name_participant(interest=accepted_a, by=focal_point_a, person=colleague_a)
    client.force_login(colleague_a)

    data = json.loads(client.get(reverse("members:download_my_data")).content)

    assert [(row["lab"], row["member"], row["email"]) for row in data["lab_participations"]] == [
        ("SL6", "Member A", "colega.a@example.org")
    ]
    participants.anonymise_lab_participations(colleague_a)
    row = LabParticipant.objects.get()
    with translation.override("en"):
        assert (row.name, row.email, str(row)) == ("", f"deleted-{colleague_a.pk}@anonymised.invalid", "Deleted person")


@pytest.mark.parametrize("who", ["focal_point_b", "participant_a", "lab_coordinator"])
def test_others_are_refused_the_page(client, request, accepted_a, who):
    client.force_login(request.getfixturevalue(who))

    response = client.post(page(accepted_a), {"action": "add", **NEW_PERSON})

    assert response.status_code == (404 if who == "focal_point_b" else 403)
    assert LabParticipant.objects.count() == 0


def test_a_new_person_is_linked_when_an_account_is_made_for_that_address(accepted_a, focal_point_a):
    row = participants.name_participant(interest=accepted_a, by=focal_point_a, details=NEW_PERSON)

    person = UserFactory(email="ana.perez@quito.example")

    row.refresh_from_db()
    assert row.person == person
