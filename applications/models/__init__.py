from applications.models.interests import LONG_TEXT_MAX, REASON_MAX, Interest, NamedParticipant, StateChange
from applications.models.selection import Conversation, FormalInvitation, LabParticipant, WaitingListEntry

__all__ = [
    "LONG_TEXT_MAX",
    "REASON_MAX",
    "Conversation",
    "FormalInvitation",
    "Interest",
    "LabParticipant",
    "NamedParticipant",
    "StateChange",
    "WaitingListEntry",
]
