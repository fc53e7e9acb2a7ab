import io

import pytest

from members import demo as members_demo
from members.outbox import demo
from members.outbox.models import Message


@pytest.mark.django_db
def test_the_demo_messages_load_once_in_each_persons_language():
    members_demo.load(io.StringIO())

    demo.load(io.StringIO())
    output = io.StringIO()
    demo.load(output)

    assert output.getvalue() == "Demo messages: 3 invitations to the portal."
    assert sorted(Message.objects.values_list("recipient_email", "language", "subject")) == [
        (
            "focal.point@bogota.example",
            "es",
            "Su invitación para actuar en nombre de Bogotá en el portal Solutions Labs",
        ),
        ("focal.point@dakar.example", "fr", "Votre invitation à agir pour City of Dakar sur le portail Solutions Labs"),
        (
            "participant@bogota.example",
            "es",
            "Su invitación para actuar en nombre de Bogotá en el portal Solutions Labs",
        ),
    ]
