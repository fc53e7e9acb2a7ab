"""The applications app's entries in the audit log (members.audit): its
actions are registered here, and every call goes through `record`."""

from django.utils.translation import gettext_lazy as _

from members import audit

audit.register_action("interest_state_changed", _("Expression of interest changed state"))
audit.register_action("formal_invitation_sent", _("Formal invitation sent"))
audit.register_action("not_selected_notice_sent", _("Not-selected notice sent"))


def record(*, actor, action, target, detail=""):
    """Called inside the transaction of the change it records."""
    return audit.record(actor=actor, action=action, target=target, detail=detail)
