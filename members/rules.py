"""Permission predicates of the members app (django-rules)."""

import rules

from members.roles import Role, has_role


@rules.predicate
def is_secretariat(user):
    return has_role(user, Role.SECRETARIAT)


@rules.predicate
def is_coordinator(user):
    return has_role(user, Role.COORDINATOR)


@rules.predicate
def is_focal_point(user):
    return user.is_authenticated and user.member_id is not None and has_role(user, Role.FOCAL_POINT)


@rules.predicate
def is_participant(user):
    return has_role(user, Role.PARTICIPANT)


rules.add_perm("members.view_secretariat_pages", is_secretariat)
