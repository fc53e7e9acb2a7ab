"""The outbox's rows of the permission matrix (see tests/members/matrix.py):
messages are the Secretariat's; to anyone else signed in they do not exist."""

from members.outbox.enums import MessageStatus
from tests.members.matrix import Row, everyone, signed_in
from tests.outbox.factories import MessageFactory


def build(world):
    world.message_a = MessageFactory(recipient=world.people["focal_point_a"], status=MessageStatus.FAILED)


def message_a(world):
    return {"pk": world.message_a.pk}


def secretariat_or_not_found(answer=200):
    return {**signed_in(404), "secretariat": answer}


ROWS = [
    Row("outbox:list", secretariat_or_not_found()),
    Row("outbox:detail", secretariat_or_not_found(), kwargs=message_a),
    # POST only: the method is refused before anything else, to everyone signed in.
    Row("outbox:resend", {**everyone(405), "anonymous": 405}, kwargs=message_a),
]
