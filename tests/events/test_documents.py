"""Documents and notes after a session: upload checks, who may download."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from events.models import LabDocument
from events.services import publish_document
from events.uploads import MAX_DOCUMENT_SIZE
from tests.events.factories import SessionFactory
from tests.factories import UserFactory

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def upload(content, name="conclusions.pdf", content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def publish(client, lab, **data):
    return client.post(f"/events/manage/{lab.code}/documents/new/", {"title": "Conclusions", "note": "", **data})


def test_the_coordinator_uploads_a_pdf(client, lab, lab_coordinator):
    session = SessionFactory(lab=lab)
    client.force_login(lab_coordinator)

    response = publish(client, lab, session=session.pk, file=upload(PDF))

    assert response.status_code == 302
    document = LabDocument.objects.get()
    assert (document.lab, document.session, document.original_name, document.published_by) == (
        lab,
        session,
        "conclusions.pdf",
        lab_coordinator,
    )
    assert document.file.read() == PDF


def test_a_file_that_is_not_a_pdf_is_refused_whatever_its_name(client, lab, lab_coordinator):
    client.force_login(lab_coordinator)

    response = publish(client, lab, file=upload(PNG, name="slides.pdf"))

    assert response.status_code == 200
    assert response.context["form"].errors == {"file": ["This file is not a PDF document. Upload a PDF file."]}
    assert response.context["form"]["title"].value() == "Conclusions"  # what was typed is kept
    assert LabDocument.objects.count() == 0


def test_a_pdf_over_10_mb_is_refused(client, lab, lab_coordinator):
    client.force_login(lab_coordinator)

    response = publish(client, lab, file=upload(PDF + b"0" * (MAX_DOCUMENT_SIZE - len(PDF) + 1)))

    assert response.context["form"].errors == {"file": ["This file is larger than 10 MB: upload a smaller PDF."]}
    assert LabDocument.objects.count() == 0


def test_a_pdf_of_exactly_10_mb_is_accepted(client, lab, lab_coordinator):
    client.force_login(lab_coordinator)

    publish(client, lab, file=upload(PDF + b"0" * (MAX_DOCUMENT_SIZE - len(PDF))))

    assert LabDocument.objects.count() == 1


def test_a_link_or_a_note_alone_is_published(client, lab, lab_coordinator):
    client.force_login(lab_coordinator)

    publish(client, lab, title="Slides", link="https://slides.example.org/deck")
    publish(client, lab, title="Conclusions", note="Care must be planned with the neighbourhoods.")

    assert sorted(LabDocument.objects.values_list("title", "link")) == [
        ("Conclusions", ""),
        ("Slides", "https://slides.example.org/deck"),
    ]


def test_an_empty_document_is_refused(client, lab, lab_coordinator):
    client.force_login(lab_coordinator)

    response = publish(client, lab)

    assert response.context["form"].non_field_errors() == ["Give a link, a PDF file or a note."]


def test_another_coordinator_cannot_publish(client, lab, other_coordinator):
    client.force_login(other_coordinator)

    assert publish(client, lab, note="Hello").status_code == 404
    assert LabDocument.objects.count() == 0


@pytest.fixture
def uploaded(lab, lab_coordinator):
    return publish_document(lab=lab, by=lab_coordinator, title="Slides", file=upload(PDF))


def test_the_labs_participants_coordinators_and_the_secretariat_download_it(
    client, uploaded, laura, lab_coordinator, secretariat_admin
):
    for someone in (laura, lab_coordinator, secretariat_admin):
        client.force_login(someone)
        response = client.get(f"/events/documents/{uploaded.pk}/")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == 'attachment; filename="conclusions.pdf"'
        assert b"".join(response.streaming_content) == PDF


def test_nobody_else_downloads_it(client, uploaded, other_coordinator, focal_point_a):
    for someone in (other_coordinator, focal_point_a, UserFactory()):
        client.force_login(someone)
        assert client.get(f"/events/documents/{uploaded.pk}/").status_code == 404
    client.logout()
    assert client.get(f"/events/documents/{uploaded.pk}/").status_code == 302


def test_the_file_is_kept_outside_the_public_media_folder(settings, uploaded):
    assert uploaded.file.path.startswith(settings.PRIVATE_MEDIA_ROOT)
    assert not uploaded.file.path.startswith(settings.MEDIA_ROOT)
