from django.utils.functional import SimpleLazyObject

from members import rules as member_rules


def navigation(request):
    """What the signed-in person's roles let them reach, for the navigation bar."""

    def roles():
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return {}
        return {
            "secretariat": member_rules.is_secretariat(user),
            "coordinator": member_rules.is_coordinator(user),
            "focal_point": member_rules.is_focal_point(user),
            "participant": member_rules.is_participant(user),
        }

    return {"nav_roles": SimpleLazyObject(roles)}
