"""The named participants are personal data: each person can download the
rows that name them, and anonymisation clears them (the interest stays whole)."""

from django.db.models import Q
from django.utils import timezone

from applications.models import NamedParticipant


def export_named_participations(person):
    rows = NamedParticipant.objects.filter(Q(person=person) | Q(email__iexact=person.email), anonymised_at=None)
    return [
        {
            "lab": row.interest.lab.code,
            "member": row.interest.member.name,
            "name": row.name,
            "position": row.position,
            "department": row.department,
            "email": row.email,
            "working_language": row.working_language,
            "gender": row.gender,
        }
        for row in rows.select_related("interest__lab", "interest__member").order_by("interest__created_at", "pk")
    ]


def anonymise_named_participations(person):
    """Runs after the person's address was replaced: the rows are found by their
    link to the account (made when the interest was saved or the account created)."""
    NamedParticipant.objects.filter(person=person).update(
        name="", position="", department="", email="", gender="", anonymised_at=timezone.now()
    )


def link_named_participations(sender, instance, created, update_fields=None, **kwargs):
    """Links the rows that name an address to the account that has it (post_save of User)."""
    if update_fields is not None and "email" not in update_fields:
        return
    if instance.anonymised_at is None and instance.email:
        NamedParticipant.objects.filter(person=None, email__iexact=instance.email).update(person=instance)
