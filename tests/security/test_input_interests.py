"""Issue 10.5 for the forms of expressions of interest and selection: hostile
input (NUL bytes, very long strings, right-to-left text, markup and script,
line breaks in names) never gives a server error. It is refused at its field
with what was typed kept, or stored as typed (stripped) and shown escaped on
the member's and the coordinator's pages and in the HTML part of every email
the action sends; a line break in a name never reaches a mail header."""

from email.utils import getaddresses

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from hypothesis import event, given
from hypothesis import strategies as st

from applications.enums import InterestState as S
from applications.models import Conversation, Interest, LabParticipant
from members.roles import Role
from tests.applications.factories import InterestFactory, a_person
from tests.applications.forms_data import COMPLETE, form, section
from tests.applications.selection.factories import FormalInvitationFactory
from tests.factories import UserFactory
from tests.labs.factories import LabFactory, SupportPackageFactory
from tests.security.hostile import (
    EXAMPLES,
    a_date,
    a_future_date,
    an_email,
    assert_kept,
    assert_mail_headers_clean,
    assert_mail_safe,
    assert_refused_with_a_message,
    assert_safe,
    assert_shown,
    fresh_example,
    hostile,
    mostly,
    storable,
    typed,
)

MISSING = ("Answer this question", "Say why the member withdraws.", "This field is required for someone new.")


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def lab_coordinator(db):
    return UserFactory(email="carla@secretariat.example", name="Carla Coordinator", role=Role.COORDINATOR)


@pytest.fixture
def lab(lab_coordinator):
    lab = LabFactory(code="SL6", title="Social Cohesion")
    lab.coordinators.add(lab_coordinator)
    SupportPackageFactory(lab=lab)
    return lab


def interest_page(interest):
    return reverse("applications:interest", kwargs={"pk": interest.pk})


def selection_page(interest):
    return reverse("applications:selection_interest", kwargs={"pk": interest.pk})


def shown_escaped(client, person, url, *values):
    """The page `url`, read by `person`, is safe and shows each value escaped."""
    client.force_login(person)
    page = client.get(url)
    assert page.status_code == 200
    assert_safe(page)
    assert_shown(page.content.decode(), *values)


@EXAMPLES
@given(
    action=st.sampled_from(["draft", "submit"]),
    values=typed("motivation", "experience", "name", "position", "department"),
    email=an_email,
)
def test_the_expression_of_interest_form(
    client, focal_point_a, lab_coordinator, lab, django_capture_on_commit_callbacks, action, values, email
):
    fresh_example()
    motivation, experience, name, position, department = (
        values["motivation"],
        values["experience"],
        values["name"],
        values["position"],
        values["department"],
    )
    Interest.objects.filter(member=focal_point_a.member).delete()
    client.force_login(focal_point_a)
    person = a_person(name=name, position=position, department=department, email=email)
    answers = {**COMPLETE, "motivation": motivation, "experience": experience}

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("applications:express_interest"), form(action, section(lab, answers, [person]), labs=[lab.code])
        )

    assert_safe(response)
    assert_mail_safe()
    event(f"answered {response.status_code}")
    if response.status_code == 200:
        assert_refused_with_a_message(response, *MISSING)
        assert_kept(response, motivation, experience, name, position, department, email)
        assert not Interest.objects.filter(member=focal_point_a.member).exists()
        return
    assert response.status_code == 302
    interest = Interest.objects.get(member=focal_point_a.member)
    assert interest.state == (S.SUBMITTED if action == "submit" else S.DRAFT)
    assert (interest.motivation, interest.experience) == (motivation.strip(), experience.strip())
    (row,) = interest.participants.all()
    assert (row.name, row.position, row.department) == (name.strip(), position.strip(), department.strip())
    typed = [interest.motivation, interest.experience, row.name, row.position, row.department]
    shown_escaped(client, focal_point_a, interest_page(interest), *typed)
    shown_escaped(client, focal_point_a, reverse("applications:edit_interest", kwargs={"pk": interest.pk}), *typed)
    if action == "submit":
        assert mail.outbox  # the acknowledgement and the coordinator's notice
        shown_escaped(client, lab_coordinator, selection_page(interest), *typed)
        for export in ("applications:pipeline_csv", "applications:pipeline_xlsx"):
            assert client.get(reverse(export, kwargs={"code": lab.code})).status_code == 200


@EXAMPLES
@given(
    action=st.one_of(st.sampled_from(["choose", "draft", "submit", "add-person"]), hostile),
    labs=st.lists(mostly(st.none(), hostile), max_size=3),
    total=mostly(st.sampled_from(["0", "1", "2", "11"]), hostile, st.integers().map(str)),
    interest=st.one_of(st.just(""), hostile, st.integers().map(str)),
)
def test_the_interest_forms_choices_buttons_and_counts(client, focal_point_a, lab, action, labs, total, interest):
    fresh_example()
    Interest.objects.filter(member=focal_point_a.member).delete()
    client.force_login(focal_point_a)
    action = f"add-person-{lab.pk}" if action == "add-person" else action
    data = form(action, section(lab, interest=interest), labs=[lab.code if code is None else code for code in labs])
    data[f"lab-{lab.pk}-people-TOTAL_FORMS"] = total

    response = client.post(reverse("applications:express_interest"), data)

    assert_safe(response)
    event(f"answered {response.status_code}")
    if response.status_code == 302:
        assert Interest.objects.filter(member=focal_point_a.member, lab=lab).exists()
    else:
        assert response.status_code in (200, 400)  # 400: a NUL byte in the lab's code
        assert not Interest.objects.filter(member=focal_point_a.member).exists()


@EXAMPLES
@given(values=typed("motivation", "experience", "name"), email=an_email)
def test_editing_a_submitted_interest(client, focal_point_a, lab_coordinator, lab, values, email):
    fresh_example()
    Interest.objects.filter(member=focal_point_a.member).delete()
    interest = InterestFactory(member=focal_point_a.member, lab=lab, state=S.SUBMITTED)
    client.force_login(focal_point_a)
    person = a_person(name=values["name"], email=email)
    answers = {**COMPLETE, "motivation": values["motivation"], "experience": values["experience"]}
    url = reverse("applications:edit_interest", kwargs={"pk": interest.pk})

    response = client.post(url, form("submit", section(lab, answers, [person], interest=interest.pk)))

    assert_safe(response)
    event(f"answered {response.status_code}")
    before = (interest.motivation, interest.experience)
    interest.refresh_from_db()
    if response.status_code == 200:
        assert_refused_with_a_message(response, *MISSING)
        assert_kept(response, *values.values(), email)
        assert (interest.motivation, interest.experience) == before
        return
    assert (interest.motivation, interest.experience) == (values["motivation"].strip(), values["experience"].strip())
    assert interest.participants.get().name == values["name"].strip()
    typed = [interest.motivation, interest.experience, values["name"].strip()]
    shown_escaped(client, focal_point_a, interest_page(interest), *typed)
    shown_escaped(client, lab_coordinator, selection_page(interest), *typed)


@EXAMPLES
@given(reason=st.one_of(storable, hostile))
def test_withdrawing(client, focal_point_a, lab_coordinator, lab, django_capture_on_commit_callbacks, reason):
    fresh_example()
    Interest.objects.filter(member=focal_point_a.member).delete()
    interest = InterestFactory(member=focal_point_a.member, lab=lab, state=S.SUBMITTED)
    client.force_login(focal_point_a)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("applications:withdraw", kwargs={"pk": interest.pk}), {"reason": reason})

    assert_safe(response)
    assert_mail_safe()
    interest.refresh_from_db()
    event(f"answered {response.status_code}")
    if response.status_code == 200:
        assert_refused_with_a_message(response, *MISSING)
        assert_kept(response, reason)
        assert interest.state == S.SUBMITTED
        return
    assert interest.state == S.WITHDRAWN
    assert interest.state_changes.get(to_state=S.WITHDRAWN).reason == reason.strip()
    shown_escaped(client, focal_point_a, interest_page(interest), reason.strip())
    shown_escaped(client, lab_coordinator, selection_page(interest), reason.strip())


@EXAMPLES
@given(
    to=st.sampled_from(["in_conversation", "preselected", "not_selected"]),
    values=typed("reason", "message"),
    bulk=st.booleans(),
)
def test_a_decision(client, focal_point_a, lab_coordinator, lab, django_capture_on_commit_callbacks, to, values, bulk):
    fresh_example()
    reason, message = (values["reason"], values["message"])
    Interest.objects.filter(member=focal_point_a.member).delete()
    interest = InterestFactory(
        member=focal_point_a.member, lab=lab, state=S.IN_CONVERSATION if to != "in_conversation" else S.SUBMITTED
    )
    client.force_login(lab_coordinator)
    if bulk:
        url = reverse("applications:pipeline", kwargs={"code": lab.code})
        data = {"interests": [interest.pk], "action": "change", "to": to, "reason": reason, "message": message}
    else:
        url = selection_page(interest)
        data = {"action": "change", "change-to": to, "change-reason": reason, "change-message": message}

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)

    assert_safe(response)
    assert_mail_safe()
    interest.refresh_from_db()
    event(f"answered {response.status_code}")
    if response.status_code == 200:
        assert_refused_with_a_message(response)
        assert_kept(response, reason, message)
        assert interest.state != to
        return
    assert interest.state == to
    change = interest.state_changes.get(to_state=to)
    assert (change.reason, change.message) == (reason.strip(), message.strip())
    if change.message:
        assert mail.outbox  # the message goes to the member's focal points
        shown_escaped(client, focal_point_a, interest_page(interest), change.message)
    shown_escaped(client, lab_coordinator, selection_page(interest), *filter(None, [change.reason, change.message]))


@EXAMPLES
@given(
    held_on=mostly(st.none(), a_date),
    channel=mostly(st.sampled_from(["call", "video", "email", "meeting"]), hostile),
    values=typed("notes", "next_step"),
    follow_up_on=mostly(st.just(""), a_date),
)
def test_the_conversation_log(client, member_a, lab_coordinator, lab, held_on, channel, values, follow_up_on):
    fresh_example()
    notes, next_step = (values["notes"], values["next_step"])
    held_on = timezone.localdate().isoformat() if held_on is None else held_on
    Interest.objects.filter(member=member_a).delete()
    interest = InterestFactory(member=member_a, lab=lab, state=S.IN_CONVERSATION)
    client.force_login(lab_coordinator)
    data = {
        "action": "log",
        "log-held_on": held_on,
        "log-channel": channel,
        "log-notes": notes,
        "log-next_step": next_step,
        "log-follow_up_on": follow_up_on,
    }

    response = client.post(selection_page(interest), data)

    assert_safe(response)
    event(f"answered {response.status_code}")
    if response.status_code == 200:
        assert_refused_with_a_message(
            response, "Enter a valid date.", "Select a valid choice.", "The follow-up cannot come before"
        )
        assert_kept(response, notes, next_step)
        assert not Conversation.objects.filter(interest=interest).exists()
        return
    entry = Conversation.objects.get(interest=interest)
    assert (entry.notes, entry.next_step) == (notes.strip(), next_step.strip())
    shown_escaped(client, lab_coordinator, selection_page(interest), entry.notes, entry.next_step)
    shown_escaped(client, lab_coordinator, reverse("applications:selection_home"))


@EXAMPLES
@given(
    interests=mostly(st.just([None]), st.lists(st.one_of(st.none(), hostile), max_size=2)),
    deadline=mostly(a_future_date, a_date),
    next_deadline=a_date,
)
def test_inviting_from_the_cohort(
    client,
    member_a,
    focal_point_a,
    lab_coordinator,
    lab,
    django_capture_on_commit_callbacks,
    interests,
    deadline,
    next_deadline,
):
    fresh_example()
    Interest.objects.filter(member=member_a).delete()
    preselected = InterestFactory(member=member_a, lab=lab, state=S.PRESELECTED)
    interests = [preselected.pk if value is None else value for value in interests]  # None: the real one
    client.force_login(lab_coordinator)
    url = reverse("applications:cohort", kwargs={"code": lab.code})

    with django_capture_on_commit_callbacks(execute=True):
        invite = client.post(url, {"action": "invite", "invite-interests": interests, "invite-deadline": deadline})
        invite_next = client.post(url, {"action": "invite-next", "next-deadline": next_deadline})

    for response in (invite, invite_next):
        assert_safe(response)
    assert_mail_safe()
    event(f"answered {invite.status_code}")
    preselected.refresh_from_db()
    if invite.status_code == 200:
        assert_refused_with_a_message(
            invite, "Select a valid choice", "is not a valid value", "Enter a valid date.", "Give a date from today on."
        )
        assert preselected.state == S.PRESELECTED
    else:
        assert preselected.state == S.INVITED
        assert mail.outbox  # the member's focal points are invited


@EXAMPLES
@given(
    reason=st.one_of(storable, hostile),
    ticked=st.dictionaries(st.sampled_from(["online_sessions", "share_experience"]), hostile),
)
def test_answering_the_invitation(
    client, focal_point_a, lab_coordinator, lab, django_capture_on_commit_callbacks, reason, ticked
):
    fresh_example()
    Interest.objects.filter(member=focal_point_a.member).delete()
    interest = InterestFactory(member=focal_point_a.member, lab=lab, state=S.INVITED)
    FormalInvitationFactory(interest=interest, commitments=["online_sessions", "share_experience"])
    client.force_login(focal_point_a)
    url = reverse("applications:answer_invitation", kwargs={"pk": interest.pk})
    accept = {f"accept-{key}": value for key, value in ticked.items()}

    with django_capture_on_commit_callbacks(execute=True):
        declined = client.post(url, {"action": "decline", "decline-reason": reason, **accept})

    assert_safe(declined)
    assert_mail_safe()
    interest.refresh_from_db()
    event(f"answered {declined.status_code}")
    if declined.status_code == 200:
        assert_refused_with_a_message(declined)
        assert_kept(declined, reason)
        assert interest.state == S.INVITED
        accepted = client.post(url, {"action": "accept", **accept})
        assert_safe(accepted)
        if len(ticked) < 2:
            assert_refused_with_a_message(accepted, "Tick this commitment to accept the invitation.")
        return
    assert interest.state == S.DECLINED
    assert interest.invitation.decline_reason == reason.strip()
    assert mail.outbox  # the coordinator is told
    shown_escaped(client, focal_point_a, url, interest.invitation.decline_reason)
    shown_escaped(client, lab_coordinator, selection_page(interest), interest.invitation.decline_reason)


@EXAMPLES
@given(
    values=typed("name", "position", "department"),
    email=an_email,
    chosen=st.one_of(
        st.fixed_dictionaries({"person": st.just(""), "language": st.sampled_from(["", "es"]), "gender": st.just("")}),
        st.fixed_dictionaries(
            {
                "person": mostly(st.just(""), hostile),
                "language": mostly(st.sampled_from(["", "en", "fr", "es"]), hostile),
                "gender": mostly(st.sampled_from(["", "woman", "man"]), hostile),
            }
        ),
    ),
)
def test_naming_a_participant(
    client, focal_point_a, lab_coordinator, lab, django_capture_on_commit_callbacks, values, email, chosen
):
    fresh_example()
    name, position, department = (values["name"], values["position"], values["department"])
    person, language, gender = (chosen["person"], chosen["language"], chosen["gender"])
    Interest.objects.filter(member=focal_point_a.member).delete()
    interest = InterestFactory(member=focal_point_a.member, lab=lab, state=S.ACCEPTED)
    client.force_login(focal_point_a)
    url = reverse("applications:participants", kwargs={"pk": interest.pk})
    data = {
        "action": "add",
        "person": person,
        "name": name,
        "email": email,
        "position": position,
        "department": department,
        "working_language": language,
        "gender": gender,
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)

    assert_safe(response)
    assert_mail_safe()  # a new person's invitation names them in its To header
    event(f"answered {response.status_code}")
    if response.status_code == 200:
        assert_refused_with_a_message(response, "Select a valid choice.", *MISSING)
        assert_kept(response, name, email, position, department)
        assert not LabParticipant.objects.filter(interest=interest).exists()
        return
    row = LabParticipant.objects.get(interest=interest)
    assert (row.name, row.position, row.department) == (name.strip(), position.strip(), department.strip())
    assert {address.lower() for message in mail.outbox for _name, address in getaddresses(message.to)} <= {row.email}
    shown_escaped(client, focal_point_a, url, row.name, row.position)  # the department is not shown
    shown_escaped(client, lab_coordinator, selection_page(interest), row.name)


def test_a_line_break_in_a_named_participants_name_never_reaches_a_mail_header(
    client, focal_point_a, lab, django_capture_on_commit_callbacks
):
    interest = InterestFactory(member=focal_point_a.member, lab=lab, state=S.ACCEPTED)
    client.force_login(focal_point_a)
    data = {"action": "add", "name": "Ana\r\nBcc: evil@example.org", "email": "ana@quito.example", "position": ""}

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("applications:participants", kwargs={"pk": interest.pk}), data)

    assert response.status_code == 302
    assert LabParticipant.objects.get(interest=interest).name == "Ana\r\nBcc: evil@example.org"  # stored as typed...
    assert [message.to for message in mail.outbox] == [["ana@quito.example"]]  # the portal invitation
    assert_mail_headers_clean()  # ...and never in a header


@EXAMPLES
@given(q=hostile, state=hostile, region=hostile, language=hostile, travel=hostile, sort=hostile, page=hostile)
def test_the_pipelines_filters_and_exports(
    client, lab_coordinator, lab, member_a, q, state, region, language, travel, sort, page
):
    fresh_example()
    if not Interest.objects.filter(lab=lab).exists():
        InterestFactory(member=member_a, lab=lab, state=S.SUBMITTED)
    client.force_login(lab_coordinator)
    query = {"q": q, "state": [state, "submitted"], "region": region, "language": language, "travel": travel}
    query.update({"income_group": region, "sort": sort, "page": page})

    nul = any("\x00" in value for value in (q, state, region, language, travel, sort, page))
    page = client.get(reverse("applications:pipeline", kwargs={"code": lab.code}), query)
    assert_safe(page)
    assert page.status_code == (400 if nul else 200)  # the 400 page: a NUL byte in the address
    for name in ("applications:pipeline_csv", "applications:pipeline_xlsx"):
        export = client.get(reverse(name, kwargs={"code": lab.code}), query)
        assert export.status_code == (400 if nul else 200)
        if not nul:
            assert b"".join(export.streaming_content)
