import factory
from django.contrib.contenttypes.models import ContentType

from members.models import Member
from members.outbox.enums import Occasion
from members.outbox.models import Message
from tests.factories import UserFactory


class MessageFactory(factory.django.DjangoModelFactory):
    """A stored message about a member, as queue_message would leave it."""

    class Meta:
        model = Message

    occasion = Occasion.STATE_CHANGE
    content_type = factory.LazyFunction(lambda: ContentType.objects.get_for_model(Member))
    object_id = factory.Sequence(lambda n: n + 1)
    recipient = factory.SubFactory(UserFactory)
    recipient_email = factory.LazyAttribute(lambda message: message.recipient.email)
    recipient_name = factory.LazyAttribute(lambda message: message.recipient.name)
    language = "en"
    subject = factory.Sequence(lambda n: f"Update number {n}")
    text_body = "Dear reader,\n\nThe status has changed.\n"
    html_body = "<p>Dear reader,</p><p>The status has changed.</p>"
