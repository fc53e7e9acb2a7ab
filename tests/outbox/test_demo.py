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

    assert output.getvalue() == "Demo messages: 6 invitations to the portal."
    assert sorted(Message.objects.values_list("recipient_email", "language")) == [
        ("admin@solutionslabs.example", "en"),
        ("coordinator@solutionslabs.example", "es"),
        ("focal.point@bogota.example", "es"),
        ("focal.point@dakar.example", "fr"),
        ("newcomer@bogota.example", "es"),
        ("participant@bogota.example", "es"),
    ]
