"""The member's dashboard, an interest's page, changing and withdrawing, and
the interests on the member's page."""

import html
import re

import pytest
from django.conf import settings
from django.urls import reverse

from applications.enums import InterestState as S
from applications.models import Interest, StateChange
from labs.enums import LabStatus
from tests.a11y import assert_accessible
from tests.applications.factories import InterestFactory, NamedParticipantFactory, StateChangeFactory
from tests.applications.forms_data import COMPLETE, section
from tests.labs.factories import LabFactory

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("applications:dashboard")


def signed_in(client, person, language="en"):
    client.force_login(person)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def text_of(response):
    """The page's main content as plain text, one space between words."""
    page = response.content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def test_the_dashboard_shows_every_interest_with_its_state_next_step_and_history(
    client, member_a, member_b, focal_point_a, lab, other_lab
):
    submitted = InterestFactory(member=member_a, lab=lab, state=S.SUBMITTED)
    StateChangeFactory(interest=submitted, from_state="", to_state=S.DRAFT, by=focal_point_a)
    StateChangeFactory(interest=submitted, from_state=S.DRAFT, to_state=S.SUBMITTED, by=focal_point_a)
    InterestFactory(member=member_a, lab=other_lab, state=S.DRAFT)
    InterestFactory(member=member_b, lab=lab, state=S.SUBMITTED)

    response = signed_in(client, focal_point_a).get(DASHBOARD)

    assert response.status_code == 200
    assert [(i.lab.code, i.state) for i in response.context["page"]] == [("SL7", S.DRAFT), ("SL6", S.SUBMITTED)]
    text = text_of(response)
    assert "SL6: Social Cohesion Submitted Last change:" in text
    assert (
        "What happens next: The lab's coordinator will contact you to talk about it. "
        "You can change it until the lab's interest deadline."
    ) in text
    name = focal_point_a.name
    assert f"· created as “Draft” · by {name}" in text
    assert f"· from “Draft” to “Submitted” · by {name}" in text
    assert "What happens next: Nobody else sees a draft. Submit it before the lab's interest deadline." in text


def test_every_focal_point_of_the_member_sees_its_dashboard(client, member_a, focal_point_a, colleague_a, lab):
    InterestFactory(member=member_a, lab=lab)

    response = signed_in(client, colleague_a).get(DASHBOARD)

    assert [i.lab.code for i in response.context["page"]] == ["SL6"]


@pytest.mark.parametrize("who", ["participant_a", "coordinator", "secretariat_admin", "person_without_member"])
def test_the_dashboard_is_the_focal_points_page(who, request, client):
    response = signed_in(client, request.getfixturevalue(who)).get(DASHBOARD)

    assert response.status_code == 403


def test_the_dashboard_is_paginated(client, member_a, focal_point_a):
    for number in range(30):
        InterestFactory(member=member_a, lab=LabFactory(code=f"P{number:02}"))

    first = signed_in(client, focal_point_a).get(DASHBOARD)
    second = client.get(DASHBOARD, {"page": 2})

    assert len(first.context["page"]) == 25
    assert len(second.context["page"]) == 5
    assert "?page=2" in first.content.decode()


@pytest.mark.parametrize("count", [1, 100])
def test_the_dashboard_costs_the_same_queries_for_1_or_100_interests(
    client, member_a, focal_point_a, count, django_assert_max_num_queries
):
    for number in range(count):
        interest = InterestFactory(member=member_a, lab=LabFactory(code=f"Q{number:03}"))
        StateChangeFactory(interest=interest, from_state=S.DRAFT, to_state=S.SUBMITTED, by=focal_point_a)
        NamedParticipantFactory(interest=interest)
    signed_in(client, focal_point_a)

    # session, user, roles, count, drafts, member, interests, history
    with django_assert_max_num_queries(8):
        response = client.get(DASHBOARD)

    assert len(response.context["page"]) == min(count, 25)


def test_an_interests_page_shows_its_answers_people_and_history(client, member_a, focal_point_a, lab):
    interest = InterestFactory(member=member_a, lab=lab, motivation="Line one\nLine two", asks_travel_support=True)
    NamedParticipantFactory(interest=interest, name="Laura Gómez", email="laura@bogota.example", gender="woman")
    StateChangeFactory(interest=interest, by=focal_point_a)

    response = signed_in(client, focal_point_a).get(interest.get_absolute_url())

    text = text_of(response)
    assert "Expression of interest of Member A in SL6" in text
    assert "Why the member is interested Line one Line two" in text
    assert "Asks for travel support Yes" in text
    assert "Laura Gómez Director Social Integration laura@bogota.example Spanish Woman" in text
    assert "Change the answers" in text
    assert "Withdraw" in text


def test_what_the_member_typed_is_shown_escaped_everywhere(client, member_a, focal_point_a, secretariat_admin, lab):
    script = "<script>alert(1)</script>"
    interest = InterestFactory(member=member_a, lab=lab, motivation=script, experience=script)
    NamedParticipantFactory(interest=interest, name=script)
    StateChangeFactory(interest=interest, by=focal_point_a, reason=script)

    pages = [
        signed_in(client, focal_point_a).get(interest.get_absolute_url()),
        client.get(DASHBOARD),
        signed_in(client, secretariat_admin).get(reverse("members:member_detail", kwargs={"pk": member_a.pk})),
    ]

    for page in pages:
        assert script not in page.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[0].content.decode()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("focal_point_a", 200),
        ("colleague_a", 200),
        ("secretariat_admin", 200),
        ("lab_coordinator", 200),
        ("focal_point_b", 404),
        ("coordinator", 404),
        ("participant_a", 403),
        ("person_without_member", 403),
    ],
)
def test_who_sees_an_interests_page(who, status, request, client, member_a, lab):
    interest = InterestFactory(member=member_a, lab=lab, state=S.SUBMITTED)

    response = signed_in(client, request.getfixturevalue(who)).get(interest.get_absolute_url())

    assert response.status_code == status


def test_a_draft_is_not_shown_to_the_labs_coordinator(client, member_a, lab, lab_coordinator):
    draft = InterestFactory(member=member_a, lab=lab, state=S.DRAFT)

    assert signed_in(client, lab_coordinator).get(draft.get_absolute_url()).status_code == 404


def test_a_coordinator_does_not_get_the_members_buttons(client, member_a, lab, lab_coordinator):
    interest = InterestFactory(member=member_a, lab=lab)

    text = text_of(signed_in(client, lab_coordinator).get(interest.get_absolute_url()))

    assert "Change the answers" not in text
    assert "Withdraw" not in text


def test_changing_a_submitted_interest(client, member_a, focal_point_a, colleague_a, lab):
    interest = InterestFactory(member=member_a, lab=lab, state=S.SUBMITTED)
    NamedParticipantFactory(interest=interest)
    edit = reverse("applications:edit_interest", kwargs={"pk": interest.pk})

    shown = signed_in(client, colleague_a).get(edit)
    data = {"action": "submit", **section(lab, answers={**COMPLETE, "motivation": "Changed"}, interest=interest.pk)}
    saved = client.post(edit, data, follow=True)

    assert shown.status_code == 200
    assert shown.context["section"].form["motivation"].value() == interest.motivation
    assert saved.redirect_chain == [(interest.get_absolute_url(), 302)]
    assert [str(message) for message in saved.context["messages"]] == [
        "Your changes to the expression of interest in SL6 have been saved."
    ]
    interest.refresh_from_db()
    assert (interest.state, interest.motivation) == (S.SUBMITTED, "Changed")


def test_changing_with_a_missing_answer_shows_the_error_and_changes_nothing(client, member_a, focal_point_a, lab):
    interest = InterestFactory(member=member_a, lab=lab, state=S.SUBMITTED)
    edit = reverse("applications:edit_interest", kwargs={"pk": interest.pk})
    data = {"action": "submit", **section(lab, answers={**COMPLETE, "experience": ""})}

    response = signed_in(client, focal_point_a).post(edit, data)

    assert response.context["section"].form.errors == {"experience": ["Describe the experience the member can share."]}
    interest.refresh_from_db()
    assert interest.experience == "Twenty care blocks since 2020."


def test_a_draft_is_submitted_from_its_own_page(client, member_a, focal_point_a, lab):
    draft = InterestFactory(member=member_a, lab=lab, state=S.DRAFT)
    edit = reverse("applications:edit_interest", kwargs={"pk": draft.pk})

    response = signed_in(client, focal_point_a).post(edit, {"action": "submit", **section(lab)}, follow=True)

    draft.refresh_from_db()
    assert draft.state == S.SUBMITTED
    assert [str(message) for message in response.context["messages"]] == [
        "Your expression of interest in SL6 has been submitted. The lab's coordinators have been told, "
        "and you will receive an acknowledgement by email."
    ]


def test_after_the_deadline_the_answers_can_no_longer_be_changed(client, member_a, focal_point_a, lab):
    interest = InterestFactory(member=member_a, lab=lab, state=S.SUBMITTED)
    lab.interest_deadline = "2024-03-15"
    lab.save()
    edit = reverse("applications:edit_interest", kwargs={"pk": interest.pk})

    response = signed_in(client, focal_point_a).get(edit, follow=True)

    assert response.redirect_chain == [(interest.get_absolute_url(), 302)]
    assert [str(message) for message in response.context["messages"]] == [
        "The deadline for expressions of interest in SL6 was March 15, 2024."
    ]
    assert "Change the answers" not in text_of(response)


def test_an_interest_taken_up_by_the_coordinator_can_no_longer_be_changed(client, member_a, focal_point_a, lab):
    interest = InterestFactory(member=member_a, lab=lab, state=S.PRESELECTED)
    edit = reverse("applications:edit_interest", kwargs={"pk": interest.pk})

    response = signed_in(client, focal_point_a).post(edit, {"action": "submit", **section(lab)}, follow=True)

    assert [str(message) for message in response.context["messages"]] == [
        "This expression of interest is now “Pre-selected”: its answers can no longer be changed."
    ]


@pytest.mark.parametrize(("who", "status"), [("focal_point_b", 404), ("participant_a", 403), ("coordinator", 403)])
def test_only_the_members_focal_points_change_or_withdraw(who, status, request, client, member_a, lab):
    interest = InterestFactory(member=member_a, lab=lab, state=S.SUBMITTED)
    signed_in(client, request.getfixturevalue(who))

    edit = client.post(
        reverse("applications:edit_interest", kwargs={"pk": interest.pk}), {"action": "submit", **section(lab)}
    )
    withdraw = client.post(reverse("applications:withdraw", kwargs={"pk": interest.pk}), {"reason": "No"})

    assert (edit.status_code, withdraw.status_code) == (status, status)
    interest.refresh_from_db()
    assert interest.state == S.SUBMITTED


def test_withdrawing_with_a_reason(client, member_a, focal_point_a, lab):
    interest = InterestFactory(member=member_a, lab=lab, state=S.IN_CONVERSATION)
    withdraw = reverse("applications:withdraw", kwargs={"pk": interest.pk})
    signed_in(client, focal_point_a)

    refused = client.post(withdraw, {"reason": ""})
    done = client.post(withdraw, {"reason": "New priorities"}, follow=True)

    assert refused.context["form"].errors == {"reason": ["Say why the member withdraws."]}
    assert done.redirect_chain == [(DASHBOARD, 302)]
    interest.refresh_from_db()
    assert interest.state == S.WITHDRAWN
    assert StateChange.objects.get(interest=interest).reason == "New priorities"
    assert "· from “In conversation” to “Withdrawn” · by" in text_of(done)
    assert "Reason: New priorities" in text_of(done)


def test_a_final_interest_has_nothing_to_withdraw(client, member_a, focal_point_a, lab):
    interest = InterestFactory(member=member_a, lab=lab, state=S.NOT_SELECTED)

    response = signed_in(client, focal_point_a).post(
        reverse("applications:withdraw", kwargs={"pk": interest.pk}), {"reason": "Too late"}, follow=True
    )

    assert [str(message) for message in response.context["messages"]] == [
        "This expression of interest is “Not selected”: there is nothing to withdraw."
    ]
    assert Interest.objects.get().state == S.NOT_SELECTED


def test_the_member_page_shows_its_interests_across_labs(client, member_a, secretariat_admin, lab, other_lab):
    InterestFactory(member=member_a, lab=lab, state=S.SUBMITTED)
    InterestFactory(member=member_a, lab=other_lab, state=S.WITHDRAWN)

    response = signed_in(client, secretariat_admin).get(reverse("members:member_detail", kwargs={"pk": member_a.pk}))

    text = text_of(response)
    assert "History across labs Expressions of interest Lab State Last change SL6: Social Cohesion Submitted" in text
    assert "SL7: Housing Withdrawn" in text


def test_a_member_without_interests_still_has_an_empty_history(client, member_a, secretariat_admin):
    response = signed_in(client, secretariat_admin).get(reverse("members:member_detail", kwargs={"pk": member_a.pk}))

    assert "No expressions of interest or participation in labs yet." in text_of(response)


def test_the_focal_points_navigation_leads_to_the_dashboard(client, focal_point_a, participant_a):
    focal = signed_in(client, focal_point_a).get(reverse("home")).content.decode()
    participant = signed_in(client, participant_a).get(reverse("home")).content.decode()

    assert f'href="{DASHBOARD}"' in focal
    assert f'href="{DASHBOARD}"' not in participant


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_pages_are_accessible_in_each_language(client, member_a, focal_point_a, lab, language):
    interest = InterestFactory(member=member_a, lab=lab, state=S.SUBMITTED)
    StateChangeFactory(interest=interest, by=focal_point_a)
    NamedParticipantFactory(interest=interest)
    signed_in(client, focal_point_a, language)

    for url in [
        DASHBOARD,
        interest.get_absolute_url(),
        reverse("applications:edit_interest", kwargs={"pk": interest.pk}),
        reverse("applications:withdraw", kwargs={"pk": interest.pk}),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_accessible(response)


def test_a_lab_closed_for_interest_hides_the_change_button(client, member_a, focal_point_a, lab):
    InterestFactory(member=member_a, lab=lab, state=S.SUBMITTED)
    lab.status = LabStatus.SELECTING
    lab.save()

    text = text_of(signed_in(client, focal_point_a).get(DASHBOARD))

    assert "Change the answers" not in text
    assert "Withdraw" in text
