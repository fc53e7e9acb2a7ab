from django.db import models
from django.utils.translation import gettext_lazy as _


class SessionKind(models.TextChoices):
    ONLINE = "online", _("Online discussion")
    ONSITE = "onsite", _("Onsite workshop")


class SupportStatus(models.TextChoices):
    """The states of travel support offered to one participant for one onsite session.

    offered: the coordinator offered it; the participant has not answered yet.
    accepted: the participant accepted it and gave their travel details.
    declined: the participant declined it; the place is free again.
    booked: the Secretariat booked the travel.
    cancelled: the coordinator cancelled it; the place is free again.
    """

    OFFERED = "offered", _("Offered")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    BOOKED = "booked", _("Booked")
    CANCELLED = "cancelled", _("Cancelled")


S = SupportStatus

# Support in these states holds a funded place (it counts against the cap).
HOLDS_PLACE = frozenset({S.OFFERED, S.ACCEPTED, S.BOOKED})
# Nothing follows these states.
FINAL = frozenset({S.DECLINED, S.CANCELLED})
# The participant can have an invitation letter for these.
CONFIRMED = frozenset({S.ACCEPTED, S.BOOKED})
# The funded items can still be changed.
CHANGEABLE = frozenset({S.OFFERED, S.ACCEPTED})


class Side(models.TextChoices):
    """Who makes a change of travel support."""

    PARTICIPANT = "participant", _("The participant")
    COORDINATOR = "coordinator", _("The lab's coordinator")
