"""Issue 10.4: nobody reaches another member's (or another lab's) records by
guessing their IDs, through any URL and with any method: a GET, a download, or
a POST of a form that works for the rightful person. The answer is 404 (403 to
roles that see no such record at all) and nothing in the database changes.

Two sweeps, on the permission matrix's world (tests/<app>/matrix.py):
- the ID in the address: every pattern of the portal's apps that names a
  record, asked by every signed-in role the matrix refuses, with GET and with
  each form of that page;
- an ID in the posted form: actions that name a second record in their data (a
  draft, a conversation, a waiting-list entry, a named participant, the ticked
  interests, the participant and session of an offer), given one of another
  member or lab on a page the person may use.

Every form posted here is first shown to work for the rightful person (the same
path and data change the database), so a refusal comes from the access check,
never from a form that was wrong anyway. The same forms, given fields they do
not show (state, member, funded, who and when...), do exactly what they do
without them.
"""

import datetime
import re

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from applications.enums import InterestState as S
from applications.models import Conversation
from applications.selection import participants, waiting_list
from tests.applications.factories import InterestFactory, NamedParticipantFactory
from tests.applications.forms_data import section
from tests.events.factories import OnsiteSessionFactory, make_participant
from tests.events.test_manage_pages import session_data
from tests.factories import MemberFactory
from tests.labs.factories import LabFactory, SupportPackageFactory
from tests.members.matrix import ROLES
from tests.security.test_csrf import database_state
from tests.test_permission_matrix import PATTERNS, build_world, concrete_path, rule_for

SWEPT_NAMESPACES = ("applications:", "events:", "members:", "labs:", "outbox:", "audit")
IN_TEN_DAYS = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()
DEADLINE = {"invite-deadline": IN_TEN_DAYS}
TODAY = {"log-held_on": timezone.localdate().isoformat()}


def extend(world):
    """Records of member B and of lab Y next to member A's and lab X's, to be guessed."""
    people = world.people
    world.interest_b = InterestFactory(member=world.member_b, lab=world.lab_x, state=S.SUBMITTED)
    NamedParticipantFactory(interest=world.interest_b)
    world.conversation_b = Conversation.objects.create(
        interest=world.interest_b, held_on=timezone.localdate(), channel="call", notes="Member B's call."
    )
    world.preselected_x = InterestFactory(member=MemberFactory(name="Member C"), lab=world.lab_x, state=S.PRESELECTED)
    world.preselected_y = InterestFactory(member=world.member_b, lab=world.lab_y, state=S.PRESELECTED)
    world.waiting_x = waiting_list.add_to_waiting_list(interest=world.preselected_x, by=people["coordinator_x"])
    world.waiting_y = waiting_list.add_to_waiting_list(interest=world.preselected_y, by=people["coordinator_y"])
    world.accepted_b = InterestFactory(member=world.member_b, lab=world.accepted_a.lab, state=S.ACCEPTED)
    world.named_a = participants.name_participant(
        interest=world.accepted_a, by=people["focal_point_a"], details={"name": "Ana", "email": "ana@a.example"}
    )
    world.named_b = participants.name_participant(
        interest=world.accepted_b, by=people["focal_point_b"], details={"name": "Bea", "email": "bea@b.example"}
    )
    # Lab W: another coordinator's lab with its own participant and onsite session.
    world.lab_w = LabFactory(code="SLW")
    SupportPackageFactory(lab=world.lab_w)
    world.participant_w = make_participant(lab=world.lab_w, member=world.member_b, email="walter@b.example")
    world.onsite_w = OnsiteSessionFactory(lab=world.lab_w)
    world.v_participant = make_participant(lab=world.lab_v, member=world.member_b, email="vera@b.example")


@pytest.fixture
def world(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    world = build_world()
    extend(world)
    return world


def a_pdf():
    return SimpleUploadedFile("notes.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")


# For each page that takes a POST: the forms that work there, as (rightful role, data builder).
FORMS = {
    "applications:edit_interest": [
        ("focal_point_a", lambda w: {"action": "submit", **section(w.lab_x, interest=w.interest_a.pk)}),
    ],
    "applications:withdraw": [("focal_point_a", lambda w: {"reason": "New priorities"})],
    "applications:answer_invitation": [
        ("focal_point_a", lambda w: {"action": "decline", "decline-reason": "Busy that month"}),
        (
            "focal_point_a",
            lambda w: {"action": "accept", "accept-online_sessions": "on", "accept-share_experience": "on"},
        ),
    ],
    "applications:participants": [
        ("focal_point_a", lambda w: {"action": "add", "person": "", "name": "Nora", "email": "nora@a.example"}),
        ("focal_point_a", lambda w: {"action": "remove", "participant": w.named_a.pk}),
    ],
    "applications:selection_interest": [
        ("coordinator_x", lambda w: {"action": "change", "change-to": "in_conversation", "change-reason": "Call"}),
        ("coordinator_x", lambda w: {"action": "log", "log-channel": "call", "log-notes": "Talked"} | TODAY),
        ("coordinator_x", lambda w: {"action": "done", "conversation": w.interest_a.conversations.get().pk}),
    ],
    "applications:pipeline": [
        ("coordinator_x", lambda w: {"action": "change", "interests": [w.interest_a.pk], "to": "in_conversation"}),
    ],
    "applications:cohort": [
        ("coordinator_x", lambda w: {"action": "invite", "invite-interests": [w.preselected_x.pk]} | DEADLINE),
        ("coordinator_x", lambda w: {"action": "invite-next", "next-deadline": IN_TEN_DAYS}),
        ("coordinator_x", lambda w: {"action": "remove", "entry": w.waiting_x.pk}),
    ],
    "events:session_edit": [("coordinator_x", lambda w: session_data(title="Moved"))],
    "events:session_create": [("coordinator_x", lambda w: session_data(title="New"))],
    "events:document_create": [("coordinator_x", lambda w: {"title": "Notes", "file": a_pdf()})],
    "events:support_offer": [("coordinator_x", lambda w: offer_data(w.v_participant, w.onsite_v))],
    "events:support_detail": [
        ("coordinator_x", lambda w: {"action": "book", "book-note": "Flights booked"}),
        ("coordinator_x", lambda w: {"action": "cancel", "cancel-reason": "Lab postponed"}),
    ],
    "events:my_support": [("participant_a", lambda w: {"action": "decline", "decline-note": "Cannot travel"})],
}


def offer_data(participant, session):
    return {"participant": participant.pk, "session": session.pk, "airfare": "on", "accommodation_nights": "1"}


def answer_of(session):
    key = f"s{session.pk}"
    return {f"{key}-choice": str(session.pk)}


# Pages that take only a POST (a GET answers 405 to everyone): who is refused, and how.
def everyone_but(answer, *roles):
    return {role: answer for role in ROLES if role not in ("anonymous", *roles)}


POST_ONLY = {
    "events:answer": {"kwargs": lambda w: {"key": f"s{w.onsite_v.pk}"}, "refused": everyone_but(404, "participant_a")},
    "labs:decide_proposal": {
        "kwargs": lambda w: {"pk": w.proposal_a.pk},
        # Its proposer sees the proposal, but may not decide it; to the others it does not exist.
        "refused": everyone_but(404, "secretariat") | {"focal_point_a": 403},
    },
    "outbox:resend": {"kwargs": lambda w: {"pk": w.message_a.pk}, "refused": everyone_but(404, "secretariat")},
}
FORMS |= {
    "events:answer": [("participant_a", lambda w: answer_of(w.onsite_v))],
    "labs:decide_proposal": [("secretariat", lambda w: {"status": "accepted"})],
    "outbox:resend": [("secretariat", lambda w: {})],
    "members:invitation_resend": [("secretariat", lambda w: {})],
    "members:link_request_detail": [("focal_point_a", lambda w: {"decision": "approve", "note": ""})],
    "members:member_edit": [
        (
            "secretariat",
            lambda w: {
                "name": "Member A renamed",
                "country": "SN",
                "region": "africa",
                "income_group": "lower_middle",
                "income_group_year": "2024",
                "status": "member",
                "kind": "metropolitan_authority",
                "time_zone": "Africa/Dakar",
            },
        )
    ],
}
# Record pages that take no form: a POST there changes nothing, whoever sends it.
NO_FORM = {
    "applications:interest",
    "applications:pipeline_csv",
    "applications:pipeline_xlsx",
    "events:support_letter",
    "events:session_calendar",
    "events:document",
    "events:lab_sessions",
    "events:suggest_slots",
    "events:support_overview",
    "events:support_export",
    "members:member_detail",
    "labs:proposal",
    "outbox:detail",
}
GENERIC_FORM = [(None, lambda w: {"action": "change", "to": "accepted", "state": "accepted", "funded": "on"})]


# Addresses that are not a member's records, with the reason.
NOT_SWEPT = {
    "events:calendar_feed": "the address is the secret: calendar programs read it without signing in (see below)",
    "members:accept_invitation": "the address is the secret sent by email (see below)",
    "labs:lab": "the public catalogue",
    "labs:theme": "the public catalogue",
}


def swept_patterns():
    """The patterns of interests, selection and events whose address names a record."""
    return [
        pattern
        for pattern in PATTERNS
        if pattern.name
        and pattern.name.startswith(SWEPT_NAMESPACES)
        and "<" in pattern.route
        and pattern.name not in NOT_SWEPT
    ]


def path_and_refusals(pattern, world):
    if pattern.name in POST_ONLY:
        rule = POST_ONLY[pattern.name]
        return reverse(pattern.name, kwargs=rule["kwargs"](world)), rule["refused"], False
    expected, kwargs, _query = rule_for(pattern)
    refused = {role: answer for role, answer in expected.items() if role != "anonymous" and answer in (403, 404)}
    return concrete_path(pattern.route, kwargs(world)), refused, True


def signed_in(person):
    client = Client()
    client.force_login(person)
    return client


SWEPT = swept_patterns()


def test_every_record_page_is_swept_with_its_forms():
    """A new page with a record in its address must say here which forms it takes."""
    names = {pattern.name for pattern in SWEPT}

    assert set(FORMS) | NO_FORM == names
    assert set(FORMS) & NO_FORM == set()
    assert set(POST_ONLY) <= names


@pytest.mark.parametrize("name", sorted(NO_FORM))
def test_a_post_to_a_page_without_a_form_changes_nothing(name, world):
    (pattern,) = [pattern for pattern in SWEPT if pattern.name == name]
    path, _refused, _takes_get = path_and_refusals(pattern, world)
    client = signed_in(world.people["secretariat"])
    before = database_state()

    client.post(path, with_fields_no_form_shows(world, {"action": "change", "decision": "approve"}))

    assert database_state() == before


@pytest.mark.parametrize("pattern", SWEPT, ids=[pattern.name for pattern in SWEPT])
def test_a_guessed_address_answers_404_or_403_to_every_method_and_changes_nothing(pattern, world):
    path, refused, takes_get = path_and_refusals(pattern, world)
    assert refused, f"{pattern.name}: no signed-in role is refused, so nothing is swept"
    clients = {role: signed_in(world.people[role]) for role in refused}
    before = database_state()  # after signing in, which records the time

    answers = {}
    for role, client in clients.items():
        got = []
        if takes_get:
            got.append(client.get(path).status_code)
        for _rightful, data in FORMS.get(pattern.name, GENERIC_FORM):
            got.append(client.post(path, data(world)).status_code)
        answers[role] = set(got)

    assert answers == {role: {answer} for role, answer in refused.items()}
    assert database_state() == before


FORM_CASES = [(name, number) for name, forms in FORMS.items() for number in range(len(forms))]


@pytest.mark.parametrize(("name", "number"), FORM_CASES, ids=[f"{name}#{number}" for name, number in FORM_CASES])
def test_each_swept_form_works_for_the_rightful_person(name, number, world):
    """The control of the sweep: the very path and data the others were refused change the database."""
    (pattern,) = [pattern for pattern in SWEPT if pattern.name == name]
    path, _refused, _takes_get = path_and_refusals(pattern, world)
    rightful, data = FORMS[name][number]
    client = signed_in(world.people[rightful])
    before = database_state()

    response = client.post(path, data(world))

    assert response.status_code == 302, re.sub(r"\s+", " ", response.content.decode())[-1500:]
    assert database_state() != before


@pytest.mark.parametrize(
    ("name", "token"),
    [("events:calendar_feed", lambda w: w.feed_token), ("members:accept_invitation", lambda w: w.invitation_a.token)],
)
def test_a_guessed_secret_address_answers_404(world, client, name, token):
    real = token(world)
    guessed = reverse(name, kwargs={"token": real[:-1] + ("x" if real[-1] != "x" else "y")})
    before = database_state()

    assert (client.get(guessed).status_code, client.post(guessed).status_code) == (404, 404)
    assert database_state() == before
    assert len(real) >= 32  # too long to guess by trying


# An ID of another member's or lab's record in the data posted to one's own page.
FOREIGN_IDS = [
    (
        "a conversation of another interest, marked done",
        "coordinator_x",
        lambda w: reverse("applications:selection_interest", kwargs={"pk": w.interest_a.pk}),
        lambda w: {"action": "done", "conversation": w.conversation_b.pk},
        404,
    ),
    (
        "another lab's waiting-list entry, removed",
        "coordinator_x",
        lambda w: reverse("applications:cohort", kwargs={"code": w.lab_x.code}),
        lambda w: {"action": "remove", "entry": w.waiting_y.pk},
        404,
    ),
    (
        "another lab's waiting-list entry, moved up",
        "coordinator_x",
        lambda w: reverse("applications:cohort", kwargs={"code": w.lab_x.code}),
        lambda w: {"action": "up", "entry": w.waiting_y.pk},
        404,
    ),
    (
        "another lab's pre-selected member, invited",
        "coordinator_x",
        lambda w: reverse("applications:cohort", kwargs={"code": w.lab_x.code}),
        lambda w: {"action": "invite", "invite-interests": [w.preselected_y.pk]} | DEADLINE,
        200,
    ),
    (
        "another lab's interest, ticked in the pipeline",
        "coordinator_x",
        lambda w: reverse("applications:pipeline", kwargs={"code": w.lab_x.code}),
        lambda w: {"action": "change", "interests": [w.preselected_y.pk], "to": "not_selected"},
        200,
    ),
    (
        "another member's named participant, removed",
        "focal_point_a",
        lambda w: reverse("applications:participants", kwargs={"pk": w.accepted_a.pk}),
        lambda w: {"action": "remove", "participant": w.named_b.pk},
        404,
    ),
    (
        "another member's person, named",
        "focal_point_a",
        lambda w: reverse("applications:participants", kwargs={"pk": w.accepted_a.pk}),
        lambda w: {"action": "add", "person": str(w.people["focal_point_b"].pk)},
        200,
    ),
    (
        "another lab's participant, offered support",
        "coordinator_x",
        lambda w: reverse("events:support_offer", kwargs={"code": w.lab_v.code}),
        lambda w: offer_data(w.participant_w, w.onsite_v),
        200,
    ),
    (
        "another lab's session, offered support",
        "coordinator_x",
        lambda w: reverse("events:support_offer", kwargs={"code": w.lab_v.code}),
        lambda w: offer_data(w.v_participant, w.onsite_w),
        200,
    ),
    (
        "another lab's session, answered",
        "participant_a",
        lambda w: reverse("events:answer", kwargs={"key": f"s{w.onsite_w.pk}"}),
        lambda w: answer_of(w.onsite_w),
        404,
    ),
]


@pytest.mark.parametrize(
    ("who", "path", "data", "status"),
    [case[1:] for case in FOREIGN_IDS],
    ids=[case[0] for case in FOREIGN_IDS],
)
def test_an_id_of_another_record_in_the_form_is_refused_and_changes_nothing(world, who, path, data, status):
    client = signed_in(world.people[who])
    before = database_state()

    response = client.post(path(world), data(world))

    assert response.status_code == status
    if status == 200:
        assert "Select a valid choice" in response.content.decode()
    assert database_state() == before


def test_another_members_draft_named_in_ones_own_form_is_left_alone(world):
    """The form's hidden field names the draft it continues: only the member's own are looked at."""
    open_lab = LabFactory(code="SLO")
    draft_b = InterestFactory(member=world.member_b, lab=open_lab, state=S.DRAFT, motivation="B's own words")
    client = signed_in(world.people["focal_point_a"])
    edit = reverse("applications:edit_interest", kwargs={"pk": world.interest_a.pk})
    data = {"action": "submit", **section(world.lab_x, interest=draft_b.pk)}
    data[f"lab-{world.lab_x.pk}-motivation"] = "Changed by member A"

    client.post(edit, data)
    new = {**section(open_lab, interest=draft_b.pk), "action": "draft", "labs": [open_lab.code]}
    client.post(reverse("applications:express_interest"), new)

    draft_b.refresh_from_db()
    world.interest_a.refresh_from_db()
    assert (draft_b.member, draft_b.state, draft_b.motivation) == (world.member_b, S.DRAFT, "B's own words")
    assert world.interest_a.motivation == "Changed by member A"
    assert world.member_a.interests.get(lab=open_lab).state == S.DRAFT  # member A's own draft instead


# Fields no form of these pages shows, with the values an attacker would like.
def fields_no_form_shows(world):
    return {
        "state": "accepted",
        "status": "booked",
        "funded": "on",
        "member": world.member_b.pk,
        "lab": world.lab_y.pk,
        "interest": world.interest_b.pk,
        "person": world.people["secretariat"].pk,
        "by": world.people["secretariat"].pk,
        "decided_by": world.people["secretariat"].pk,
        "offered_by": world.people["secretariat"].pk,
        "max_funded_members": "99",
        "accepted_commitments": "everything",
        "is_staff": "on",
        **dict.fromkeys(WHO_FIELDS, world.people["secretariat"].pk),
        **dict.fromkeys(WHEN_FIELDS, "2020-01-01T00:00"),
        "sequence": "99",
        "from_state": "draft",
        "to_state": "accepted",
        "to_status": "booked",
        "support": world.support_v.pk,
        "original_name": "../../etc/passwd",
        "token": "chosen-by-the-attacker",
    }


def with_fields_no_form_shows(world, data):
    """The data with the extra fields added, also under each form prefix the data uses ("log-", "accept-"...)."""
    extra = fields_no_form_shows(world)
    prefixes = {key.split("-")[0] for key in data if "-" in key and not key.startswith("lab-")}
    prefixes |= {"-".join(key.split("-")[:2]) for key in data if key.startswith("lab-")}
    for prefix in prefixes:
        extra |= {f"{prefix}-{name}": value for name, value in fields_no_form_shows(world).items()}
    return extra | data


WHO_FIELDS = ("added_by", "answered_by", "logged_by", "named_by", "published_by", "sent_by", "created_by")
WHEN_FIELDS = (
    "anonymised_at",
    "submitted_at",
    "lapsed_at",
    "respond_by",
    "reminded_at",
    "follow_up_done_at",
    "not_selected_notice_at",
)


# Random values (tokens, and the messages and keys that carry them, stored file names): runs never agree.
UNREPEATABLE = ("token", "file", "secret", "dedupe_key", "context", "body")


def comparable_state():
    """The database as database_state() sees it, without times and random values."""
    return {
        table: [
            {
                column: value
                for column, value in row.items()
                if not isinstance(value, datetime.datetime) and not column.endswith(UNREPEATABLE)
            }
            for row in rows
        ]
        for table, rows in database_state().items()
    }


def restart_id_sequences():
    """After a rollback, PostgreSQL's sequences stay where they were: put them back."""
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


@pytest.mark.parametrize(("name", "number"), FORM_CASES, ids=[f"{name}#{number}" for name, number in FORM_CASES])
def test_each_form_ignores_fields_it_does_not_show(name, number, world):
    (pattern,) = [pattern for pattern in SWEPT if pattern.name == name]
    path, _refused, _takes_get = path_and_refusals(pattern, world)
    rightful, data = FORMS[name][number]
    client = signed_in(world.people[rightful])

    with transaction.atomic():
        plain_answer = client.post(path, data(world))
        plain = comparable_state()
        transaction.set_rollback(True)
    restart_id_sequences()
    answer = client.post(path, with_fields_no_form_shows(world, data(world)))

    assert (answer.status_code, answer.get("Location")) == (plain_answer.status_code, plain_answer.get("Location"))
    assert comparable_state() == plain
