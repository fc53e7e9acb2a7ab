import django_filters
from django.utils.translation import gettext_lazy as _

from labs.models import Lab
from members.models import Member
from members.outbox.enums import MessageStatus, Occasion
from members.outbox.models import Message


class MessageFilter(django_filters.FilterSet):
    occasion = django_filters.ChoiceFilter(label=_("Occasion"), choices=Occasion.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=MessageStatus.choices)
    lab = django_filters.ModelChoiceFilter(label=_("Lab"), queryset=Lab.objects.only("code", "title"))
    member = django_filters.ModelChoiceFilter(label=_("Member"), queryset=Member.objects.only("name"))

    class Meta:
        model = Message
        fields = ["occasion", "status", "lab", "member"]
