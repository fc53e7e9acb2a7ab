"""The one place where the applications app writes to the audit log.

`members.audit` (the Secretariat's audit log) is not on main yet: until it is,
each event is logged here. When it arrives, `record` calls
`members.audit.record(actor=..., action=..., target=..., detail=...)` with the
same arguments, after registering ACTIONS with `members.audit.register_action`.
"""

import logging

from django.utils.translation import gettext_lazy as _

logger = logging.getLogger("applications.audit")

ACTIONS = {
    "interest_state_changed": _("Expression of interest changed state"),
    "formal_invitation_sent": _("Formal invitation sent"),
    "not_selected_notice_sent": _("Not-selected notice sent"),
}


def record(*, actor, action, target, detail=""):
    """Called inside the transaction of the change it records."""
    if action not in ACTIONS:
        raise ValueError(f"Unknown audit action {action!r}")
    logger.info("%s by %s on %s: %s", action, actor or "the portal", target, detail)
