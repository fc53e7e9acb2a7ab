"""Demo selection for `manage.py load_demo` (idempotent), after the demo
expressions of interest: the SL6 coordinator has talked with Bogotá (now
pre-selected) and with Dakar (a follow-up due yesterday, so that it shows on
the coordinator's home). Made through the services, like the portal would."""

import datetime

from django.utils import timezone

from applications.enums import InterestState as S
from applications.models import Interest
from applications.selection import conversations
from applications.selection.decisions import change_states
from labs.demo import DEMO_COORDINATOR
from members.models import User

# (member, lab, conversation, then the states it moves through)
DEMO_SELECTION = [
    (
        "Bogotá",
        "SL6",
        {
            "channel": "video",
            "notes": "Bogotá would bring its care blocks; Laura Gómez leads the programme.",
            "next_step": "Pre-select; confirm who travels.",
            "follow_up_on": 7,
        },
        [S.IN_CONVERSATION, S.PRESELECTED],
    ),
    (
        "City of Dakar",
        "SL6",
        {
            "channel": "call",
            "notes": "Dakar asks whether two people could attend the workshop.",
            "next_step": "Call back with the answer on travel support.",
            "follow_up_on": -1,
        },
        [S.IN_CONVERSATION],
    ),
]


def load(stdout):
    coordinator = User.objects.filter(email=DEMO_COORDINATOR).first()
    made = 0
    for member, code, talk, states in DEMO_SELECTION:
        interest = Interest.objects.filter(member__name=member, lab__code=code, state=S.SUBMITTED).first()
        if coordinator is None or interest is None:
            continue  # absent, or moved on already
        today = timezone.localdate()
        change_states(interests=[interest], to=states[0], by=coordinator)
        conversations.log_conversation(
            interest=interest,
            by=coordinator,
            held_on=today - datetime.timedelta(days=2),
            channel=talk["channel"],
            notes=talk["notes"],
            next_step=talk["next_step"],
            follow_up_on=today + datetime.timedelta(days=talk["follow_up_on"]),
        )
        for state in states[1:]:
            change_states(interests=[Interest.objects.get(pk=interest.pk)], to=state, by=coordinator)
        made += 1
    stdout.write(f"Demo selection: {made} member(s) moved forward.")
