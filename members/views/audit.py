"""The Secretariat's page on the audit log: read only, filtered, paginated."""

import django_filters
from django.db.models import Q
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from labs.models import Lab
from members.audit import action_choices, action_label
from members.models import Member
from members.models_audit import AuditEntry
from members.views.access import paginate, requires


class AuditFilter(django_filters.FilterSet):
    member = django_filters.ModelChoiceFilter(label=_("Member"), queryset=Member.objects.order_by("name"))
    lab = django_filters.ModelChoiceFilter(label=_("Lab"), queryset=Lab.objects.order_by("code"))
    person = django_filters.CharFilter(label=_("Person (name or email address)"), method="by_person")
    action = django_filters.ChoiceFilter(label=_("Action"), choices=action_choices)

    class Meta:
        model = AuditEntry
        fields = ["member", "lab", "person", "action"]

    def by_person(self, queryset, name, value):
        """Entries by the person or about them: as the actor, or as the person concerned."""
        value = value.strip()
        return queryset.filter(
            Q(actor_label__icontains=value)
            | Q(actor__name__icontains=value)
            | Q(person__email__icontains=value)
            | Q(person__name__icontains=value)
        )


@requires("members.read_audit_log")
def audit_log(request):
    entries = AuditEntry.objects.select_related("actor", "person", "member", "lab")
    audit_filter = AuditFilter(request.GET, queryset=entries)
    page, query = paginate(request, audit_filter.qs if audit_filter.is_valid() else entries.none())
    for entry in page.object_list:
        entry.action_name = action_label(entry.action)
    return render(request, "members/audit_log.html", {"filter": audit_filter, "page": page, "query": query})
