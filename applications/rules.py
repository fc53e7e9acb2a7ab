"""Who may see and do what with expressions of interest (django-rules).

Views look an interest up in `interests_visible_to(user)`, so another member's
interest answers 404, then check the permission for the action (403).
"""

import rules
from django.db.models import Q

from labs.rules import is_lab_coordinator
from members.rules import is_coordinator, is_focal_point, is_secretariat, secretariat_administers


@rules.predicate
def is_focal_point_of_interest_member(user, interest):
    return interest is not None and is_focal_point(user) and user.member_id == interest.member_id


@rules.predicate
def coordinates_interest_lab(user, interest):
    return interest is not None and is_lab_coordinator(user, interest.lab)


# Pages: the form and the dashboard are the focal points'; an interest's page
# is also the Secretariat's and (once submitted) its lab's coordinators'.
rules.add_perm("applications.express_interest", is_focal_point)
rules.add_perm("applications.see_dashboard", is_focal_point)
rules.add_perm("applications.see_interests", is_focal_point | is_secretariat | is_coordinator)
rules.add_perm("applications.edit_interest", is_focal_point_of_interest_member)
rules.add_perm("applications.withdraw_interest", is_focal_point_of_interest_member)
# Transitions (applications.transitions): the member's side and the lab's side.
rules.add_perm("applications.act_for_member", is_focal_point_of_interest_member | is_secretariat)
rules.add_perm("applications.act_for_lab", coordinates_interest_lab | is_secretariat)

# Selection (applications.selection): the coordinators of a lab and the
# Secretariat; a member's focal points answer its invitations and name its
# participants, and never see the conversation log.
rules.add_perm("applications.see_selection", is_coordinator | is_secretariat)
rules.add_perm("applications.select_for_lab", is_lab_coordinator | is_secretariat)
rules.add_perm("applications.see_conversations", coordinates_interest_lab | is_secretariat)
rules.add_perm("applications.answer_invitation", is_focal_point_of_interest_member)
rules.add_perm("applications.name_participants", is_focal_point_of_interest_member)

secretariat_administers(
    "applications",
    "interest",
    "namedparticipant",
    "statechange",
    "conversation",
    "formalinvitation",
    "waitinglistentry",
    "labparticipant",
)


def interests_visible_to(user):
    """Everything for the Secretariat; the member's own for a focal point; the
    submitted interests in their labs for a coordinator; nothing otherwise."""
    from applications.models import Interest
    from labs.services import labs_coordinated_by

    if is_secretariat(user):
        return Interest.objects.all()
    visible = Q(pk__in=[])
    if is_focal_point(user):
        visible |= Q(member_id=user.member_id)
    if is_coordinator(user):
        visible |= Q(lab__in=labs_coordinated_by(user=user), submitted_at__isnull=False)
    return Interest.objects.filter(visible)


def labs_for_selection(user):
    """The labs whose selection the person runs: every lab for the Secretariat,
    the labs they coordinate for a coordinator, none otherwise."""
    from labs.models import Lab
    from labs.services import labs_coordinated_by

    if is_secretariat(user):
        return Lab.objects.all()
    if is_coordinator(user):
        return labs_coordinated_by(user=user)
    return Lab.objects.none()


def selection_interests_for(user):
    """The submitted interests (whatever their state since) in those labs."""
    from applications.models import Interest

    return Interest.objects.filter(lab__in=labs_for_selection(user), submitted_at__isnull=False)
