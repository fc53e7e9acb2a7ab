"""The invitation letter (PDF) of accepted or booked travel support."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from events.support import accept_travel_support
from tests.events.factories import OnsiteSessionFactory
from tests.events.support_helpers import DETAILS, offer


def pdf_text(content):
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(content)).pages)


@pytest.fixture
def accepted(lab, laura, lab_coordinator):
    support = offer(laura, OnsiteSessionFactory(lab=lab, title="Caring cities"), lab_coordinator)
    return accept_travel_support(support=support, by=laura, **DETAILS)


def test_the_participant_downloads_their_letter(client, settings, accepted, laura):
    client.force_login(laura)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # Laura reads Spanish, but chose English here

    response = client.get(f"/events/support/{accepted.pk}/letter.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="invitation-SL9-laura-gomez.pdf"'
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert "Laura Gómez" in text  # an accented name, in the embedded Vera font
    assert "of Bogotá, is invited to take part in the Solutions Lab “Supporting Caregivers”" in text
    assert "in Centro de Convenciones, Bogotá, Colombia, from June 2, 2030 to June 4, 2030." in text
    assert "Airfare, 3 nights of accommodation, local transport and meals" in text


def test_the_letter_is_in_the_readers_language(client, accepted, laura):
    client.force_login(laura)  # Laura reads Spanish

    text = pdf_text(client.get(f"/events/support/{accepted.pk}/letter.pdf").content)

    assert "Carta de invitación" in text


def test_the_labs_coordinator_downloads_it_too(client, accepted, lab_coordinator):
    client.force_login(lab_coordinator)

    assert client.get(f"/events/support/{accepted.pk}/letter.pdf").status_code == 200


def test_no_letter_before_the_support_is_accepted(client, lab, laura, lab_coordinator):
    support = offer(laura, OnsiteSessionFactory(lab=lab), lab_coordinator)
    client.force_login(laura)

    assert client.get(f"/events/support/{support.pk}/letter.pdf").status_code == 404


def test_another_participant_never_gets_the_letter(client, accepted, awa, other_coordinator):
    for someone in (awa, other_coordinator):
        client.force_login(someone)
        assert client.get(f"/events/support/{accepted.pk}/letter.pdf").status_code == 404


def test_markup_in_names_is_printed_as_typed(client, settings, accepted, laura):
    laura.name = "Laura <b>Gómez</b> & Co"
    laura.save()
    client.force_login(laura)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"

    text = pdf_text(client.get(f"/events/support/{accepted.pk}/letter.pdf").content)

    assert "Laura <b>Gómez</b> & Co" in text
    assert "Metropolis, l'Association mondiale des grandes métropoles, confirme que" in text
