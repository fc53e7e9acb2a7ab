"""Permission predicates of the catalogue (django-rules)."""

import rules

from members.rules import is_secretariat


@rules.predicate
def is_lab_coordinator(user, lab):
    """Secretariat staff assigned to this lab."""
    if not user.is_authenticated or lab is None:
        return False
    return lab.coordinators.filter(pk=user.pk).exists()


@rules.predicate
def is_proposal_author(user, proposal):
    return user.is_authenticated and proposal is not None and proposal.proposer_id == user.pk


rules.add_perm("labs.propose_lab", rules.is_authenticated)
rules.add_perm("labs.see_proposal", is_proposal_author | is_secretariat)
rules.add_perm("labs.review_proposals", is_secretariat)
rules.add_perm("labs.decide_proposal", is_secretariat)
