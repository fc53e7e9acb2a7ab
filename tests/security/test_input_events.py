"""Issue 10.5 for the forms of events: sessions, onsite answers, documents
(uploads with hostile names and contents), suggested slots and travel support.
Hostile input never gives a server error: it is refused at its field with what
was typed kept, or stored as typed (stripped) and shown escaped on the
coordinator's and the participant's pages, in the exports, and in the HTML part
of every email the action sends."""

import os
from email.utils import getaddresses
from urllib.parse import quote

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.http import content_disposition_header
from hypothesis import event, given
from hypothesis import strategies as st

from events.models import LabDocument, Session, TravelSupport
from events.support import SupportItems, accept_travel_support, offer_travel_support
from labs.enums import CapScope
from members.enums import IncomeGroup
from members.roles import Role
from tests.events.factories import OnsiteSessionFactory, SessionFactory, make_participant
from tests.events.support_helpers import DETAILS
from tests.factories import MemberFactory, UserFactory
from tests.labs.factories import LabFactory, SupportPackageFactory
from tests.security.hostile import (
    EXAMPLES,
    SCRIPT,
    a_date,
    assert_kept,
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

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
EVENT_REFUSALS = (
    "Select a valid choice.",
    "Enter a valid date",
    "Enter a valid URL.",
    "Enter a whole number.",
    "Give the city of an onsite workshop.",
    "Give the country of an onsite workshop.",
    "The end must come after the start.",
    "This file is not a PDF document.",
    "The submitted file is empty.",
    "No file was submitted.",
    "Give a link, a PDF file or a note.",
    "Ensure this value is",
    "Ensure this filename has at most",
    "The departure cannot be before the arrival.",
)
a_zone = mostly(st.sampled_from(["UTC", "Europe/Madrid", "America/Bogota"]), hostile)


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def lab_coordinator(db):
    return UserFactory(email="carla@secretariat.example", name="Carla Coordinator", role=Role.COORDINATOR)


@pytest.fixture
def lab(lab_coordinator):
    lab = LabFactory(code="SL9", title="Supporting Caregivers")
    lab.coordinators.add(lab_coordinator)
    SupportPackageFactory(
        lab=lab,
        max_funded_members=2,
        eligible_income_groups=[IncomeGroup.UPPER_MIDDLE],
        cap_scope=CapScope.WHOLE_PACKAGE,
    )
    return lab


@pytest.fixture
def laura(lab):
    bogota = MemberFactory(name="Bogotá", country="CO", income_group=IncomeGroup.UPPER_MIDDLE)
    return make_participant(lab=lab, member=bogota, email="laura@bogota.example", name="Laura", role=Role.PARTICIPANT)


@pytest.fixture
def workshop(lab):
    return OnsiteSessionFactory(lab=lab, title="Bogotá workshop")


def shown_escaped(client, person, url, *values):
    """The page `url`, read by `person`, is safe and shows each value escaped."""
    client.force_login(person)
    page = client.get(url)
    assert page.status_code == 200
    assert_safe(page)
    assert_shown(page.content.decode(), *values)
    return page


@EXAMPLES
@given(
    values=typed("title", "description", "venue", "city"),
    chosen=st.one_of(
        st.fixed_dictionaries(
            {"kind": st.sampled_from(["online", "onsite"]), "video_link": st.just(""), "country": st.just("CO")}
        ),
        st.fixed_dictionaries(
            {
                "kind": mostly(st.sampled_from(["online", "onsite"]), hostile),
                "video_link": mostly(st.sampled_from(["", "https://meet.example.org/care"]), hostile),
                "country": mostly(st.sampled_from(["", "CO"]), hostile),
                "time_zone": a_zone,
                "starts_at": mostly(st.just("2030-03-11T15:00"), a_date),
                "language": mostly(st.just("en"), hostile),
            }
        ),
    ),
    editing=st.booleans(),
)
def test_the_session_form(client, lab, lab_coordinator, laura, values, chosen, editing):
    fresh_example()
    chosen = {"time_zone": "UTC", "starts_at": "2030-03-11T15:00", "language": "en", **chosen}
    kind, video_link, country = chosen["kind"], chosen["video_link"], chosen["country"]
    time_zone, starts_at, language = chosen["time_zone"], chosen["starts_at"], chosen["language"]
    Session.objects.filter(lab=lab).delete()
    session = SessionFactory(lab=lab) if editing else None
    if kind == "onsite":
        video_link = ""
    client.force_login(lab_coordinator)
    data = {
        **values,
        "kind": kind,
        "time_zone": time_zone,
        "starts_at": starts_at,
        "ends_at": "2030-03-11T16:30",
        "video_link": video_link,
        "country": country,
        "language": language,
        "interpretation_language": "",
        "workshop": "",
        "save": "1",
    }
    url = reverse("events:session_edit", args=[session.pk]) if editing else f"/events/manage/{lab.code}/sessions/new/"

    response = client.post(url, data)

    assert_safe(response)
    event(f"answered {response.status_code}")
    if response.status_code == 200:
        assert_refused_with_a_message(response, *EVENT_REFUSALS)
        assert_kept(response, *values.values())
        return
    stored = Session.objects.get(lab=lab)
    assert [getattr(stored, name) for name in values] == [value.strip() for value in values.values()]
    shown_escaped(client, lab_coordinator, f"/events/manage/{lab.code}/sessions/", stored.title)
    shown_escaped(client, lab_coordinator, reverse("events:session_edit", args=[stored.pk]), stored.title, stored.city)
    shown_escaped(client, laura, reverse("events:my_labs"), stored.title, stored.description)
    calendar = client.get(reverse("events:session_calendar", args=[stored.pk]))
    assert calendar.status_code == 200
    assert "\r\nBCC:" not in calendar.content.decode().upper()


@EXAMPLES
@given(key=hostile, choice=hostile)
def test_an_onsite_answer(client, lab, laura, workshop, key, choice):
    fresh_example()
    client.force_login(laura)

    answered = client.post(f"/events/answers/s{workshop.pk}/", {f"s{workshop.pk}-choice": choice})
    elsewhere = client.post(f"/events/answers/{quote(key, safe='')}/", {f"{key}-choice": choice})

    assert answered.status_code == 302  # back to the page, which says "Choose one of the answers."
    assert elsewhere.status_code in (302, 400, 404)
    assert_safe(client.get(reverse("events:my_labs")))


file_names = st.one_of(st.just("conclusions.pdf"), hostile.map(lambda name: name[:300] + ".pdf"), hostile).filter(
    lambda name: os.path.basename(name) not in ("", ".", "..")  # names the test client cannot send
)
file_contents = st.one_of(st.just(PDF), st.binary(max_size=64), st.binary(max_size=64).map(lambda data: PDF + data))


@EXAMPLES
@given(
    values=typed("title", "note"),
    link=mostly(st.just(""), hostile),
    upload=st.one_of(st.none(), st.tuples(file_names, file_contents)),
)
def test_publishing_a_document(client, lab, lab_coordinator, laura, values, link, upload):
    fresh_example()
    LabDocument.objects.filter(lab=lab).delete()
    client.force_login(lab_coordinator)
    data = {**values, "link": link, "session": ""}
    if upload is not None:
        name, content = upload
        data["file"] = SimpleUploadedFile(name, content, content_type="application/pdf")

    response = client.post(f"/events/manage/{lab.code}/documents/new/", data)

    assert_safe(response)
    event(f"answered {response.status_code}")
    if response.status_code in (200, 400):
        if response.status_code == 200:
            assert_refused_with_a_message(response, *EVENT_REFUSALS)
            assert_kept(response, *values.values())
        assert not LabDocument.objects.filter(lab=lab).exists()
        return
    document = LabDocument.objects.get(lab=lab)
    assert (document.title, document.note) == (values["title"].strip(), values["note"].strip())
    shown_escaped(client, lab_coordinator, f"/events/manage/{lab.code}/sessions/", document.title)
    shown_escaped(client, laura, reverse("events:my_labs"), document.title, document.note)
    event("stored with a file" if document.file else "stored without a file")
    if document.file:
        download = client.get(reverse("events:document", args=[document.pk]))
        assert download.status_code == 200
        assert b"".join(download.streaming_content) == upload[1]
        disposition = download["Content-Disposition"]
        assert "\n" not in disposition and "\r" not in disposition


@EXAMPLES
@given(day=a_date, duration=mostly(st.just("90"), hostile), time_zone=a_zone)
def test_suggested_slots(client, lab, lab_coordinator, laura, day, duration, time_zone):
    fresh_example()
    client.force_login(lab_coordinator)

    response = client.get(
        f"/events/manage/{lab.code}/slots/", {"day": day, "duration": duration, "time_zone": time_zone}
    )

    assert_safe(response)
    assert response.status_code == (400 if "\x00" in day + duration + time_zone else 200)  # the 400 page: a NUL byte


@EXAMPLES
@given(
    participant=mostly(st.none(), hostile),
    session=mostly(st.none(), hostile),
    nights=mostly(st.sampled_from(["0", "2", "3"]), hostile),
    airfare=st.one_of(st.just(""), hostile),
)
def test_offering_travel_support(
    client,
    lab,
    lab_coordinator,
    laura,
    workshop,
    django_capture_on_commit_callbacks,
    participant,
    session,
    nights,
    airfare,
):
    fresh_example()
    TravelSupport.objects.filter(lab=lab).delete()
    client.force_login(lab_coordinator)
    data = {
        "participant": laura.pk if participant is None else participant,
        "session": workshop.pk if session is None else session,
        "accommodation_nights": nights,
        "airfare": airfare,
        "meals": "on",
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/events/manage/{lab.code}/support/offer/", data)

    assert_safe(response)
    assert_mail_safe()
    event(f"answered {response.status_code}")
    if response.status_code == 200:
        assert_refused_with_a_message(response, *EVENT_REFUSALS)
        assert not TravelSupport.objects.filter(lab=lab).exists()
        return
    offered = TravelSupport.objects.get(lab=lab)
    assert (offered.participant, offered.accommodation_nights) == (laura, int(nights))
    assert mail.outbox  # the participant is told


def an_offer(lab, laura, workshop, lab_coordinator):
    TravelSupport.objects.filter(lab=lab).delete()
    items = SupportItems(airfare=True, accommodation_nights=3, local_transport=True, meals=True)
    return offer_travel_support(participant=laura, lab=lab, session=workshop, items=items, by=lab_coordinator)


@EXAMPLES
@given(
    values=typed("departure_city", "dietary_needs", "access_needs"),
    arrival=mostly(st.just("2030-06-01"), a_date),
    departure=mostly(st.just("2030-06-05"), a_date),
    name=storable,
)
def test_accepting_travel_support(
    client, lab, lab_coordinator, laura, workshop, django_capture_on_commit_callbacks, values, arrival, departure, name
):
    fresh_example()
    laura.name = name  # as the profile form stores it (tests/security/test_input.py): in the emails and the letter
    laura.save()
    with django_capture_on_commit_callbacks(execute=True):
        offered = an_offer(lab, laura, workshop, lab_coordinator)
    assert [getaddresses(message.to)[0][1] for message in mail.outbox] == ["laura@bogota.example"]
    assert_mail_safe()  # the offer's email, addressed to her by name
    mail.outbox = []
    client.force_login(laura)
    data = {"action": "accept", "accept-arrival_date": arrival, "accept-departure_date": departure}
    data.update({f"accept-{name}": value for name, value in values.items()})

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/events/support/{offered.pk}/", data)

    assert_safe(response)
    assert_mail_safe()
    event(f"answered {response.status_code}")
    offered.refresh_from_db()
    if response.status_code == 200:
        assert_refused_with_a_message(response, *EVENT_REFUSALS)
        assert_kept(response, *values.values())
        assert offered.status == "offered"
        return
    assert [getattr(offered, name) for name in values] == [value.strip() for value in values.values()]
    shown_escaped(client, laura, f"/events/support/{offered.pk}/", *[getattr(offered, name) for name in values])
    shown_escaped(client, lab_coordinator, reverse("events:support_detail", args=[offered.pk]), offered.departure_city)
    shown_escaped(client, lab_coordinator, f"/events/manage/{lab.code}/support/")
    export = client.get(f"/events/manage/{lab.code}/support/export.xlsx")
    assert export.status_code == 200
    letter = client.get(reverse("events:support_letter", args=[offered.pk]))
    assert letter.status_code == 200
    assert letter.content.startswith(b"%PDF-")


@EXAMPLES
@given(
    action=st.sampled_from(["decline", "book", "cancel"]),
    text=st.one_of(storable, hostile),
    nights=mostly(st.just("2"), hostile),
)
def test_notes_on_travel_support(
    client, lab, lab_coordinator, laura, workshop, django_capture_on_commit_callbacks, action, text, nights
):
    fresh_example()
    offered = an_offer(lab, laura, workshop, lab_coordinator)
    if action == "book":  # what is booked was accepted first
        accept_travel_support(support=offered, by=laura, **DETAILS)
    before = TravelSupport.objects.get(pk=offered.pk).status
    if action == "decline":
        client.force_login(laura)
        url, data = f"/events/support/{offered.pk}/", {"action": "decline", "decline-note": text}
    else:
        client.force_login(lab_coordinator)
        url, data = reverse("events:support_detail", args=[offered.pk]), {"action": action}
        data["book-note" if action == "book" else "cancel-reason"] = text

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
        changed = client.post(
            reverse("events:support_detail", args=[offered.pk]),
            {"action": "change", "airfare": "on", "accommodation_nights": nights},
        )

    assert_safe(response)
    assert_safe(changed)
    assert_mail_safe()
    event(f"answered {response.status_code}")
    offered.refresh_from_db()
    if response.status_code == 200:
        assert_refused_with_a_message(response, *EVENT_REFUSALS)
        assert_kept(response, text)
        assert offered.status == before
        return
    assert offered.status == {"decline": "declined", "book": "booked", "cancel": "cancelled"}[action]
    assert offered.changes.latest("pk").note == text.strip() or offered.changes.filter(note=text.strip()).exists()
    shown_escaped(client, laura, f"/events/support/{offered.pk}/", text.strip())
    shown_escaped(client, lab_coordinator, reverse("events:support_detail", args=[offered.pk]), text.strip())


@EXAMPLES
@given(page=hostile, key=hostile)
def test_the_lists_pages(client, lab, lab_coordinator, laura, workshop, page, key):
    fresh_example()
    client.force_login(lab_coordinator)
    urls = ["/events/manage/", f"/events/manage/{lab.code}/sessions/", f"/events/manage/{lab.code}/support/"]

    for url in urls:
        response = client.get(url, {"page": page, key: page})
        assert_safe(response)
        assert response.status_code == (400 if "\x00" in page + key else 200)  # the 400 page: a NUL byte
    client.force_login(laura)
    response = client.get(reverse("events:my_labs"), {"page": page})
    assert_safe(response)
    assert response.status_code == (400 if "\x00" in page else 200)


def raw_upload(client, url, filename, content):
    """Posts a document as a browser would, its file name as it is (the test
    client would keep only what follows the last slash)."""
    boundary = "hostile-boundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nConclusions\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return client.post(url, body, content_type=f"multipart/form-data; boundary={boundary}")


@pytest.mark.parametrize(
    ("filename", "kept_as"),
    [
        ("../../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\windows\\win.ini.pdf", "win.ini.pdf"),
        ("evil&#13;&#10;Bcc: x&#0;.pdf", "evilBcc: x\ufffd.pdf"),
        ("<script>alert(1)<&#47;script>.pdf", "script>.pdf"),
        ("\u202egnp.pdf", "gnp.pdf"),
    ],
)
def test_a_hostile_file_name_is_reduced_to_a_plain_name(client, lab, lab_coordinator, laura, filename, kept_as):
    client.force_login(lab_coordinator)

    response = raw_upload(client, f"/events/manage/{lab.code}/documents/new/", filename, PDF)

    assert response.status_code == 302
    document = LabDocument.objects.get()
    assert document.original_name == kept_as
    assert document.file.name.startswith(f"labs/{lab.pk}/") and ".." not in document.file.name
    client.force_login(laura)
    download = client.get(reverse("events:document", args=[document.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"] == content_disposition_header(True, kept_as)


def test_an_oversize_upload_with_a_hostile_name_is_refused_with_a_message(client, lab, lab_coordinator):
    client.force_login(lab_coordinator)
    content = PDF + b"\0" * (10 * 1024 * 1024)

    response = raw_upload(client, f"/events/manage/{lab.code}/documents/new/", f"{SCRIPT}.pdf", content)

    assert_safe(response)
    assert_refused_with_a_message(response, "This file is larger than 10 MB: upload a smaller PDF.")
    assert not LabDocument.objects.exists()
