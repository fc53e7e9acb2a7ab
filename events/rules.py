"""Who may see and do what with sessions, documents and travel support (django-rules).

Views look objects up in the person's visible querysets (events/selectors.py
and the `*_visible_to` functions here), so another person's support or another
lab's session answers 404, then check the permission for the action (403).
"""

import rules
from django.db.models import Q

from events.models import LabDocument, TravelSupport
from events.selectors import is_participant_of, labs_managed_by, labs_of_participant
from labs.rules import is_lab_coordinator
from members.rules import is_coordinator, is_secretariat, secretariat_administers


@rules.predicate
def takes_part_in(user, lab):
    return lab is not None and is_participant_of(user, lab)


@rules.predicate
def is_supported_person(user, support):
    return support is not None and user.is_authenticated and support.participant_id == user.pk


@rules.predicate
def coordinates_support_lab(user, support):
    return support is not None and is_lab_coordinator(user, support.lab)


# The coordinator's pages (each lab then looked up among the person's labs).
rules.add_perm("events.manage_labs", is_coordinator | is_secretariat)
# Scheduling, documents and travel support of one lab.
rules.add_perm("events.manage_lab", is_lab_coordinator | is_secretariat)
# A lab's sessions and documents: its participants, coordinators and the Secretariat.
rules.add_perm("events.follow_lab", takes_part_in | is_lab_coordinator | is_secretariat)
# The participant's side of travel support; the coordinator's side.
rules.add_perm("events.answer_support", is_supported_person)
rules.add_perm("events.decide_support", coordinates_support_lab | is_secretariat)
rules.add_perm("events.see_support", is_supported_person | coordinates_support_lab | is_secretariat)

secretariat_administers("events", "session", "labdocument", "travelsupport")


def supports_managed_by(user):
    return TravelSupport.objects.filter(lab__in=labs_managed_by(user))


def documents_visible_to(user):
    if is_secretariat(user):
        return LabDocument.objects.all()
    return LabDocument.objects.filter(Q(lab__in=labs_of_participant(user)) | Q(lab__in=labs_managed_by(user)))
