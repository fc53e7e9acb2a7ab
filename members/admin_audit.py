"""The audit log in the administration: read only, for everyone."""

from django.contrib import admin

from members.audit import action_label
from members.models_audit import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor_label", "action_name", "target_label", "member", "lab", "ip_address"]
    list_filter = ["action"]
    search_fields = ["actor_label", "target_label", "detail", "member__name", "lab__code"]
    list_select_related = ["member", "lab"]
    date_hierarchy = "created_at"
    readonly_fields = fields = [
        "created_at",
        "actor",
        "actor_label",
        "action",
        "target_type",
        "target_id",
        "target_label",
        "person",
        "member",
        "lab",
        "detail",
        "ip_address",
    ]

    @admin.display(description=AuditEntry._meta.get_field("action").verbose_name)
    def action_name(self, entry):
        return action_label(entry.action)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
