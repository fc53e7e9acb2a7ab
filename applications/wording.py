"""What happens next, for each state, in the reader's language."""

from django.utils.translation import gettext_lazy as _

from applications.enums import InterestState as S

NEXT_STEPS = {
    S.DRAFT: _("Nobody else sees a draft. Submit it before the lab's interest deadline."),
    S.SUBMITTED: _(
        "The lab's coordinator will contact you to talk about it. You can change it until the lab's interest deadline."
    ),
    S.IN_CONVERSATION: _(
        "The coordinator is talking with you; when the conversations are over, the cohort is composed."
    ),
    S.PRESELECTED: _("Your member is pre-selected: a formal invitation may follow once the cohort is complete."),
    S.INVITED: _("Answer the formal invitation before its deadline: accept its commitments or decline."),
    S.ACCEPTED: _("Name your participants: they will see the lab's sessions and any travel support offered."),
    S.DECLINED: _("Nothing more: the member declined the invitation."),
    S.NOT_SELECTED: _("Nothing more for this lab; other labs may suit the member."),
    S.WITHDRAWN: _("Nothing more. You may express interest in this lab again while it is open."),
}


def next_step(state):
    return NEXT_STEPS[S(state)]
