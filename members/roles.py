"""The four roles of DESIGN.md and the groups that carry them.

A role comes from a group; coordinators are also assigned lab by lab, and
focal points and participants act for the member their account is linked to.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SECRETARIAT = "Secretariat admin", _("Secretariat admin")
    COORDINATOR = "Coordinator", _("Coordinator")
    FOCAL_POINT = "Focal point", _("Focal point")
    PARTICIPANT = "Participant", _("Participant")


# The roles a person holds for the member their account is linked to: the ones
# an invitation or a linking request can give.
MEMBER_ROLES = [Role.FOCAL_POINT, Role.PARTICIPANT]
MEMBER_ROLE_CHOICES = [(role.value, role.label) for role in MEMBER_ROLES]


def role_names(user):
    """The names of the role groups a user belongs to, read once per request."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._role_names = cached
    return cached


def has_role(user, role):
    if role == Role.SECRETARIAT and user.is_authenticated and user.is_superuser:
        return True
    return role in role_names(user)


def grant_role(user, role):
    """Gives a role; the Secretariat role also opens the administration (staff status)."""
    from django.contrib.auth.models import Group

    group, _created = Group.objects.get_or_create(name=role)
    user.groups.add(group)
    user.__dict__.pop("_role_names", None)
    if role == Role.SECRETARIAT and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])


def revoke_all_roles(user):
    user.groups.clear()
    user.__dict__.pop("_role_names", None)
