from django.db import models
from django.utils.translation import gettext_lazy as _


class InterestState(models.TextChoices):
    """The states of one member's interest in one lab.

    draft: being written by the member's focal points; only they see it.
    submitted: sent to the Secretariat; the member may still edit it until the lab's interest deadline.
    in_conversation: the lab's coordinator is talking with the member.
    preselected: the coordinator has put the member in the cohort being composed.
    invited: a formal invitation has gone to the member.
    accepted: the member accepted the invitation and its commitments.
    declined: the member declined the invitation.
    not_selected: the coordinator did not keep the member for this lab.
    withdrawn: the member withdrew (with a reason); they may express interest again.
    """

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_CONVERSATION = "in_conversation", _("In conversation")
    PRESELECTED = "preselected", _("Pre-selected")
    INVITED = "invited", _("Invited")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    NOT_SELECTED = "not_selected", _("Not selected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


S = InterestState

# Nothing follows these states.
FINAL = frozenset({S.ACCEPTED, S.DECLINED, S.NOT_SELECTED, S.WITHDRAWN})
# The interest is still under way.
ACTIVE = frozenset(set(S) - FINAL)
# A member has at most one interest per lab in these states (a database
# constraint): every state but withdrawn, so that a decision once taken stands.
ONE_PER_MEMBER_AND_LAB = frozenset(set(S) - {S.WITHDRAWN})
# The member's focal points may change the answers (a submitted one until the lab's interest deadline).
EDITABLE_BY_MEMBER = frozenset({S.DRAFT, S.SUBMITTED})


class Actor(models.TextChoices):
    """Who makes a transition."""

    MEMBER = "member", _("The member's focal point")
    COORDINATOR = "coordinator", _("The lab's coordinator")


class Channel(models.TextChoices):
    """How a coordinator talked with a member."""

    CALL = "call", _("Phone call")
    VIDEO = "video", _("Video call")
    EMAIL = "email", _("Email")
    MEETING = "meeting", _("Meeting")


class Commitment(models.TextChoices):
    """What a formal invitation asks the member to commit to; the ones that
    apply are derived from the lab (applications.selection.commitments)."""

    ONLINE_SESSIONS = "online_sessions", _("Take part in the online sessions")
    ONSITE = "onsite", _("Attend the onsite activity")
    SHARE_EXPERIENCE = "share_experience", _("Present the member's experience")
    LAB_COMMITMENT = "lab_commitment", _("The commitment asked of participants")


# The states whose interests make up a lab's cohort (the waiting list aside).
IN_COHORT = frozenset({S.PRESELECTED, S.INVITED, S.ACCEPTED})
# The states an interest on a waiting list may be in.
MAY_WAIT = frozenset({S.IN_CONVERSATION, S.PRESELECTED})
# Candidates whose region and languages a cohort should reflect: every
# interest submitted to the lab, except those the member withdrew or declined.
CANDIDATES = frozenset({S.SUBMITTED, S.IN_CONVERSATION, S.PRESELECTED, S.INVITED, S.ACCEPTED, S.NOT_SELECTED})
