"""What a formal invitation asks of a member and offers it, derived from the
lab's catalogue entry, in the reader's language.

The commitments (applications.enums.Commitment), each ticked on acceptance:
- online_sessions: always (every lab works through online discussions);
- onsite: when the lab plans at least one onsite workshop;
- share_experience: always (members come to share what they do);
- lab_commitment: when the catalogue states a commitment asked of participants.
"""

from django.utils.translation import gettext as _

from applications import conditions
from applications.enums import Commitment
from labs import wording


def commitments_for(lab):
    """The Commitment values an invitation to this lab asks for, in order."""
    keys = [Commitment.ONLINE_SESSIONS]
    if lab.workshops.exists():
        keys.append(Commitment.ONSITE)
    keys.append(Commitment.SHARE_EXPERIENCE)
    if lab.commitment.strip():
        keys.append(Commitment.LAB_COMMITMENT)
    return [key.value for key in keys]


def commitment_text(key, lab):
    key = Commitment(key)
    if key == Commitment.ONLINE_SESSIONS:
        return _("Take part in the lab's online sessions (%(sessions)s).") % {
            "sessions": wording.online_discussions(lab=lab)
        }
    if key == Commitment.ONSITE:
        return _("Send the member's participants to the onsite activity planned (see the sessions planned).")
    if key == Commitment.SHARE_EXPERIENCE:
        return _("Present the member's experience to the other members of the lab.")
    return _("The commitment asked of participants: “%(text)s”") % {"text": lab.commitment.strip()}


def commitment_texts(invitation):
    lab = invitation.interest.lab
    return [(key, commitment_text(key, lab)) for key in invitation.commitments]


def planned_sessions(lab):
    """The activities the catalogue plans, one line each."""
    lines = [str(wording.online_discussions(lab=lab))]
    for workshop in lab.workshops.all():
        line = f"{workshop.get_kind_display()}: {wording.workshop_place(workshop=workshop)} · {workshop.period}"
        lines.append(line)
    if lab.other_activities:
        lines.append(lab.other_activities)
    return lines


def support_offered(*, lab, member):
    """The travel support this member may receive: the lab's package, or why none."""
    refusal = conditions.travel_support_refusal(lab=lab, member=member)
    return refusal or wording.describe_support(package=conditions.support_package(lab))
