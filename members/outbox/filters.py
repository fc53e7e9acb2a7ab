import django_filters
from django.utils.translation import gettext_lazy as _

from members.models import Member
from members.outbox.enums import MessageStatus, Occasion
from members.outbox.models import Message


def lab_choices():
    """The labs messages were sent about. labs.Lab does not exist yet, so a lab
    is named by its number; one query whatever the number of messages."""
    lab_ids = Message.objects.exclude(lab_id=None).order_by("lab_id").values_list("lab_id", flat=True).distinct()
    return [(lab_id, _("Lab %(number)s") % {"number": lab_id}) for lab_id in lab_ids]


class MessageFilter(django_filters.FilterSet):
    occasion = django_filters.ChoiceFilter(label=_("Occasion"), choices=Occasion.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=MessageStatus.choices)
    lab = django_filters.ChoiceFilter(label=_("Lab"), field_name="lab_id")
    member = django_filters.ModelChoiceFilter(label=_("Member"), queryset=Member.objects.all())

    class Meta:
        model = Message
        fields = ["occasion", "status", "lab", "member"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["lab"].extra["choices"] = lab_choices()
