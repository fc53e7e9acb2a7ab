"""Permission predicates of the outbox (django-rules): messages are the Secretariat's."""

import rules

from members.rules import is_secretariat

rules.add_perm("outbox.view_message", is_secretariat)
rules.add_perm("outbox.resend_message", is_secretariat)
