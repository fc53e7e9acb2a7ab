"""Who may see and do what in the members app: the one place for these rules.

Predicates (django-rules) answer "may this person do this?"; the `*_visible_to`
querysets answer "which objects may this person see?". Views look objects up
in the visible queryset, so another member's object answers 404 (its existence
does not leak), and check the permission for the action, which answers 403.
"""

import rules

from members.enums import LinkRequestStatus
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


@rules.predicate
def has_member(user):
    return user.is_authenticated and user.member_id is not None


@rules.predicate
def is_focal_point_of_member(user, member):
    return member is not None and is_focal_point(user) and user.member_id == member.pk


@rules.predicate
def is_focal_point_of_request_member(user, link_request):
    return link_request is not None and is_focal_point(user) and user.member_id == link_request.member_id


@rules.predicate
def is_pending(user, link_request):
    return link_request is not None and link_request.status == LinkRequestStatus.PENDING


# A signed-up person who acts for no member and holds no Secretariat role.
may_ask_to_be_linked = rules.is_authenticated & ~has_member & ~is_secretariat & ~is_coordinator

rules.add_perm("members.view_secretariat_pages", is_secretariat)
rules.add_perm("members.list_members", is_secretariat)
rules.add_perm("members.see_member_pages", is_secretariat | is_focal_point)
rules.add_perm("members.see_member", is_secretariat | is_focal_point_of_member)
rules.add_perm("members.edit_member", is_secretariat)
rules.add_perm("members.import_members", is_secretariat)
rules.add_perm("members.invite_people", is_secretariat)
rules.add_perm("members.ask_to_be_linked", may_ask_to_be_linked)
rules.add_perm("members.review_link_requests", is_secretariat | is_focal_point)
rules.add_perm("members.decide_link_request", (is_secretariat | is_focal_point_of_request_member) & is_pending)


def members_visible_to(user):
    """Members whose records the person may open: all for the Secretariat, their
    own for a focal point, none for anyone else."""
    from members.models import Member

    if is_secretariat(user):
        return Member.objects.all()
    if is_focal_point(user):
        return Member.objects.filter(pk=user.member_id)
    return Member.objects.none()


def people_visible_to(user):
    """People whose details the person may see: everyone for the Secretariat,
    the people of their member for a focal point, themselves otherwise."""
    from members.models import User

    if is_secretariat(user):
        return User.objects.all()
    if is_focal_point(user):
        return User.objects.filter(member_id=user.member_id)
    if user.is_authenticated:
        return User.objects.filter(pk=user.pk)
    return User.objects.none()


def link_requests_visible_to(user):
    """Linking requests the person may review."""
    from members.models import LinkRequest

    if is_secretariat(user):
        return LinkRequest.objects.all()
    if is_focal_point(user):
        return LinkRequest.objects.filter(member_id=user.member_id)
    return LinkRequest.objects.none()


def invitations_visible_to(user):
    from members.models import Invitation

    if is_secretariat(user):
        return Invitation.objects.all()
    if is_focal_point(user):
        return Invitation.objects.filter(member_id=user.member_id)
    return Invitation.objects.none()


def secretariat_administers(app_label, *model_names):
    """Lets the Secretariat role use the administration for these models: the
    app's index (module permission) and view/add/change/delete of each model.
    Other apps call it from their own rules.py for their models."""
    if not rules.perm_exists(app_label):
        rules.add_perm(app_label, is_secretariat)
    for model_name in model_names:
        for action in ("view", "add", "change", "delete"):
            name = f"{app_label}.{action}_{model_name}"
            if not rules.perm_exists(name):
                rules.add_perm(name, is_secretariat)


secretariat_administers("members", "member", "user", "invitation", "linkrequest")
# Third-party models shown in the administration: roles (groups), sign-in
# addresses and second factors of people.
secretariat_administers("auth", "group")
secretariat_administers("account", "emailaddress")
secretariat_administers("mfa", "authenticator")
