"""What the audit log records by itself (role changes, failed sign-ins), and how
it takes part in a person's data download and anonymisation."""

from django.contrib.auth.signals import user_login_failed
from django.db.models.signals import m2m_changed

from members.audit import current_actor, record
from members.personal_data import register_section


def record_sign_in_failure(sender, credentials, request=None, **kwargs):
    from members.models import User

    attempted = str(credentials.get("email") or credentials.get("username") or credentials.get("login") or "")[:254]
    person = User.objects.filter(email__iexact=attempted).first() if attempted else None
    record(actor=None, action="sign_in_failed", target=person, member=None, person=person, detail=attempted)


def record_role_change(sender, instance, action, reverse, pk_set, **kwargs):
    """Role groups added to or removed from people, whichever side changed them."""
    from django.contrib.auth.models import Group

    from members.models import User
    from members.roles import Role

    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    verb = "role_granted" if action == "post_add" else "role_removed"
    if reverse:  # group.user_set.add(...): one group, several people
        if instance.name in Role.values:
            people = instance.user_set.all() if action == "pre_clear" else User.objects.filter(pk__in=pk_set)
            for person in people:
                record(actor=current_actor(), action=verb, target=person, detail=instance.name)
        return
    groups = instance.groups.all() if action == "pre_clear" else Group.objects.filter(pk__in=pk_set)
    for name in groups.filter(name__in=Role.values).values_list("name", flat=True):
        record(actor=current_actor(), action=verb, target=instance, detail=name)


def export_entries(person):
    """For the person's data download: the entries about them."""
    from members.models_audit import AuditEntry

    entries = AuditEntry.objects.filter(person=person).order_by("created_at", "pk")
    return [
        {
            "at": entry.created_at.isoformat(),
            "action": entry.action,
            "record": entry.target_label,
            "detail": entry.detail,
        }
        for entry in entries
    ]


def anonymise_entries(person):
    """Keeps the entries (what happened stays known) but not the person's name and
    addresses: the actor and person links then read "Deleted person"."""
    from members.models_audit import AuditEntry

    AuditEntry.objects.filter(actor=person).update(actor_label="")
    AuditEntry.objects.filter(person=person, target_type="members.user").update(target_label="")
    AuditEntry.objects.filter(person=person, action="sign_in_failed").update(detail="")


register_section("audit_log", export=export_entries, anonymise=anonymise_entries)


def connect_receivers():
    from members.models import User

    user_login_failed.connect(record_sign_in_failure, dispatch_uid="audit-sign-in-failed")
    m2m_changed.connect(record_role_change, sender=User.groups.through, dispatch_uid="audit-role-change")
