"""The expression-of-interest form through HTTP: several labs in one go,
drafts, submission, errors at their fields with everything typed kept, and
nothing half-saved."""

import pytest
from django.conf import settings
from django.urls import reverse

from applications.enums import InterestState as S
from applications.models import Interest
from labs.enums import LabStatus
from members.enums import MembershipStatus
from tests.a11y import assert_accessible
from tests.applications.factories import InterestFactory, a_person
from tests.applications.forms_data import COMPLETE, form, section

pytestmark = pytest.mark.django_db

NEW = reverse("applications:express_interest")


@pytest.fixture
def focal_client(client, focal_point_a):
    client.force_login(focal_point_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def sections_of(response):
    return [part.lab.code for part in response.context["sections"]]


def errors_of(response):
    """{lab code: {field: [messages]}} of the sections, and their participants' errors."""
    return {
        part.lab.code: {
            "form": dict(part.form.errors),
            "people": [dict(person.errors) for person in part.people.forms],
            "people_missing": list(part.people.non_form_errors()),
            "section": part.errors,
        }
        for part in response.context["sections"]
    }


def test_from_the_catalogue_the_lab_comes_ticked_with_its_section(focal_client, lab, other_lab):
    response = focal_client.get(NEW, {"lab": "SL6"})

    assert response.status_code == 200
    assert [lab.code for lab in response.context["choice"].fields["labs"].queryset] == ["SL6", "SL7"]
    assert sections_of(response) == ["SL6"]
    page = response.content.decode()
    assert 'name="labs" value="SL6"  id="id_labs_0" checked' in page
    assert 'name="labs" value="SL7"  id="id_labs_1">' in page


def test_labs_not_open_or_past_their_deadline_are_not_offered(focal_client, lab, other_lab):
    other_lab.status = LabStatus.SELECTING
    other_lab.save()
    lab.interest_deadline = "2024-03-15"
    lab.save()

    response = focal_client.get(NEW, {"lab": ["SL6", "SL7"]})

    assert list(response.context["choice"].fields["labs"].queryset) == []
    assert sections_of(response) == []
    assert response.context["not_open"] == [
        "The deadline for expressions of interest in SL6 was March 15, 2024.",
        "SL7 is not taking expressions of interest at the moment (status: Selecting participants).",
    ]


def test_ticking_more_labs_adds_their_sections_and_keeps_what_was_typed(focal_client, lab, other_lab):
    typed = section(lab, answers={"motivation": "Typed before choosing"})

    response = focal_client.post(NEW, form("choose", typed, labs=["SL6", "SL7"]))

    assert response.status_code == 200
    assert sections_of(response) == ["SL6", "SL7"]
    assert response.context["sections"][0].form["motivation"].value() == "Typed before choosing"
    assert response.context["has_errors"] is False
    assert Interest.objects.count() == 0


def test_adding_a_person_adds_a_row_and_keeps_the_others(focal_client, lab):
    typed = section(lab, answers={"motivation": "Kept"}, people=[a_person(name="First")])

    response = focal_client.post(NEW, form(f"add-person-{lab.pk}", typed, labs=["SL6"]))

    people = response.context["sections"][0].people
    assert [person["name"].value() for person in people.forms] == ["First", None]
    assert response.context["sections"][0].form["motivation"].value() == "Kept"
    assert Interest.objects.count() == 0


def test_a_draft_for_two_labs_is_saved_with_partial_answers(focal_client, focal_point_a, lab, other_lab):
    data = form(
        "draft",
        section(lab, answers={"motivation": "Only this"}, people=[]),
        section(other_lab, answers={}, people=[{"name": "Somebody"}]),
        labs=["SL6", "SL7"],
    )

    response = focal_client.post(NEW, data, follow=True)

    assert response.redirect_chain == [(reverse("applications:dashboard"), 302)]
    drafts = Interest.objects.order_by("lab__code")
    assert [(i.lab.code, i.state, i.motivation, i.created_by) for i in drafts] == [
        ("SL6", S.DRAFT, "Only this", focal_point_a),
        ("SL7", S.DRAFT, "", focal_point_a),
    ]
    assert [str(message) for message in response.context["messages"]] == [
        "Your expression of interest in SL6 and SL7 has been saved as a draft. Nobody else sees it yet."
    ]


def test_submitting_two_labs_at_once(focal_client, lab, other_lab):
    data = form("submit", section(lab), section(other_lab), labs=["SL6", "SL7"])

    response = focal_client.post(NEW, data)

    assert response.status_code == 302
    assert response.url == reverse("applications:dashboard")
    assert sorted(Interest.objects.values_list("lab__code", "state")) == [("SL6", S.SUBMITTED), ("SL7", S.SUBMITTED)]


def test_a_missing_answer_is_marked_at_its_field_nothing_is_saved_and_everything_typed_is_kept(
    focal_client, lab, other_lab
):
    data = form(
        "submit",
        section(lab, answers={**COMPLETE, "motivation": "Typed for SL6"}),
        section(other_lab, answers={**COMPLETE, "experience": ""}, people=[a_person(email="", name="Named")]),
        labs=["SL6", "SL7"],
    )

    response = focal_client.post(NEW, data)

    assert response.status_code == 200
    assert Interest.objects.count() == 0
    errors = errors_of(response)
    assert errors["SL6"] == {"form": {}, "people": [{}], "people_missing": [], "section": []}
    assert errors["SL7"] == {
        "form": {"experience": ["Describe the experience the member can share."]},
        "people": [{"email": ["This field is required."]}],
        "people_missing": [],
        "section": [],
    }
    page = response.content.decode()
    assert "Typed for SL6</textarea>" in page
    assert 'value="Named"' in page
    assert "Some answers need your attention: they are marked below." in page


def test_submitting_without_any_person_says_so(focal_client, lab):
    response = focal_client.post(NEW, form("submit", section(lab, people=[{}]), labs=["SL6"]))

    assert errors_of(response)["SL6"]["people_missing"] == ["Name at least one person who would take part."]
    assert Interest.objects.count() == 0


def test_submitting_nothing_ticked_asks_for_a_lab(focal_client, lab):
    response = focal_client.post(NEW, form("submit"))

    assert response.context["choice"].errors == {"labs": ["Choose at least one lab."]}


def test_a_lab_ticked_without_its_section_gets_one_before_anything_is_saved(focal_client, lab, other_lab):
    response = focal_client.post(NEW, form("submit", section(lab), labs=["SL6", "SL7"]))

    assert response.status_code == 200
    assert sections_of(response) == ["SL6", "SL7"]
    assert response.context["has_errors"] is False
    assert Interest.objects.count() == 0


def test_very_long_text_is_refused_at_its_field_and_kept(focal_client, lab):
    long_text = "x" * 4001

    response = focal_client.post(NEW, form("draft", section(lab, answers={"motivation": long_text}), labs=["SL6"]))

    assert errors_of(response)["SL6"]["form"] == {
        "motivation": ["Ensure this value has at most 4000 characters (it has 4001)."]
    }
    assert f"{long_text}</textarea>" in response.content.decode()
    assert Interest.objects.count() == 0


def test_the_error_is_in_the_users_language(client, focal_point_a, lab):
    focal_point_a.preferred_language = "fr"
    focal_point_a.save()
    client.force_login(focal_point_a)

    response = client.post(NEW, form("submit", section(lab, answers={**COMPLETE, "motivation": ""}), labs=["SL6"]))

    assert errors_of(response)["SL6"]["form"] == {
        "motivation": ["Dites-nous pourquoi le membre s'intéresse à ce laboratoire."]
    }


def test_text_typed_is_shown_back_escaped(focal_client, lab):
    script = '<script>alert("x")</script>'

    response = focal_client.post(NEW, form("submit", section(lab, answers={"motivation": script}), labs=["SL6"]))

    page = response.content.decode()
    assert script not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_travel_support_is_offered_only_where_funded_and_otherwise_the_form_says_why(focal_client, lab, other_lab):
    response = focal_client.get(NEW, {"lab": ["SL6", "SL7"]})

    funded, unfunded = response.context["sections"]
    assert "asks_travel_support" in funded.form.fields
    assert "asks_travel_support" not in unfunded.form.fields
    assert unfunded.travel_refusal == "No travel support: Metropolis facilitates the meetings but does not fund travel."
    assert "Travel support:</span> No travel support: Metropolis facilitates" in response.content.decode()


def test_asking_for_travel_support_is_saved(focal_client, lab):
    data = form("submit", section(lab, answers={**COMPLETE, "asks_travel_support": "on"}), labs=["SL6"])

    focal_client.post(NEW, data)

    assert Interest.objects.get().asks_travel_support is True


def test_a_lab_that_closed_meanwhile_is_refused_in_its_section_and_nothing_is_saved(focal_client, lab, other_lab):
    other_lab.status = LabStatus.SELECTING
    other_lab.save()

    response = focal_client.post(NEW, form("submit", section(lab), section(other_lab), labs=["SL6", "SL7"]))

    assert errors_of(response)["SL7"]["section"] == [
        "SL7 is not taking expressions of interest at the moment (status: Selecting participants)."
    ]
    assert Interest.objects.count() == 0


def test_a_second_attempt_points_to_the_existing_interest(focal_client, member_a, lab, other_lab):
    existing = InterestFactory(member=member_a, lab=lab, state=S.SUBMITTED)

    response = focal_client.get(NEW, {"lab": "SL6"})

    assert sections_of(response) == []
    assert response.context["already"] == [existing]
    assert f'<a href="/interests/{existing.pk}/">SL6: Social Cohesion</a> (Submitted)' in response.content.decode()


def test_a_double_submission_creates_one_record_and_points_to_it(focal_client, lab):
    data = form("submit", section(lab), labs=["SL6"])

    first = focal_client.post(NEW, data)
    second = focal_client.post(NEW, data)

    assert first.status_code == 302
    assert Interest.objects.count() == 1
    existing = Interest.objects.get()
    assert second.status_code == 200
    assert second.context["sections"][0].existing == existing
    page = second.content.decode()
    assert "Your member already has an expression of interest in SL6 (Submitted): nothing was saved." in page
    assert f'<a href="/interests/{existing.pk}/">See it</a>' in page


def test_a_draft_made_in_another_tab_is_not_overwritten(focal_client, member_a, lab, other_lab, colleague_a):
    stale_form = form("draft", section(lab, answers={"motivation": "Tab two"}), section(other_lab), labs=["SL6", "SL7"])
    InterestFactory(member=member_a, lab=lab, state=S.DRAFT, motivation="Tab one")

    response = focal_client.post(NEW, stale_form)

    assert response.status_code == 200
    assert Interest.objects.get().motivation == "Tab one"  # and SL7's draft was not saved either
    assert response.context["sections"][0].form["motivation"].value() == "Tab two"


def test_a_draft_is_continued_in_the_form(focal_client, member_a, lab):
    draft = InterestFactory(member=member_a, lab=lab, state=S.DRAFT, motivation="Saved yesterday")

    shown = focal_client.get(NEW, {"lab": "SL6"})
    focal_client.post(NEW, form("submit", section(lab, interest=str(draft.pk)), labs=["SL6"]))

    assert shown.context["sections"][0].form["motivation"].value() == "Saved yesterday"
    assert f'name="lab-{lab.pk}-interest" value="{draft.pk}"' in shown.content.decode()
    draft.refresh_from_db()
    assert (draft.state, draft.motivation) == (S.SUBMITTED, "We are building a care system.")
    assert Interest.objects.count() == 1


def test_a_lapsed_member_is_told_whom_to_write_to(focal_client, member_a, lab):
    member_a.status = MembershipStatus.LAPSED
    member_a.save()

    response = focal_client.get(NEW, {"lab": "SL6"})
    posted = focal_client.post(NEW, form("submit", section(lab), labs=["SL6"]))

    assert response.status_code == 200
    assert response.context["refusal"] == (
        "Member A is not in good standing with the association, so it cannot express interest in labs for now. "
        "Please write to carla@secretariat.example."
    )
    assert "Please write to carla@secretariat.example." in posted.content.decode()
    assert Interest.objects.count() == 0


@pytest.mark.parametrize("who", ["participant_a", "coordinator", "secretariat_admin", "person_without_member"])
def test_only_focal_points_may_use_the_form(who, request, client, lab):
    client.force_login(request.getfixturevalue(who))

    shown = client.get(NEW, {"lab": "SL6"})
    posted = client.post(NEW, form("submit", section(lab), labs=["SL6"]))

    assert (shown.status_code, posted.status_code) == (403, 403)
    assert Interest.objects.count() == 0


def test_visitors_sign_in_first(client, lab):
    response = client.get(NEW, {"lab": "SL6"})

    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=/interests/new/%3Flab%3DSL6"


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_form_is_accessible_in_each_language(client, focal_point_a, lab, other_lab, language):
    client.force_login(focal_point_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    shown = client.get(NEW, {"lab": ["SL6", "SL7"]})
    with_errors = client.post(NEW, form("submit", section(lab, answers={}), section(other_lab), labs=["SL6", "SL7"]))

    assert with_errors.context["has_errors"] is True
    assert_accessible(shown)
    assert_accessible(with_errors)


def test_a_nul_byte_in_a_ticked_lab_is_no_server_error(focal_client, lab):
    response = focal_client.post(NEW, form("choose", labs=["SL6\x00"]))

    assert response.status_code == 200
    assert Interest.objects.count() == 0
