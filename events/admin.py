"""Sessions are edited here too; travel support is read here only (its rules
hold through events/support.py), and documents, whose uploads are checked on
the coordinator's page, are read or removed."""

from django.contrib import admin
from django.db import models

from events.models import LabDocument, Session, SupportChange, TravelSupport


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["title", "lab", "kind", "starts_at", "time_zone", "city", "sequence"]
    list_filter = ["kind", "lab"]
    search_fields = ["title", "lab__code", "city"]
    list_select_related = ["lab"]
    readonly_fields = ["sequence", "created_at", "updated_at"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request, obj, form, change):
        # A changed session is a new revision for calendars (see events.services.update_session).
        if change and form.changed_data:
            obj.sequence += 1
        super().save_model(request, obj, form, change)


class SupportChangeInline(admin.TabularInline):
    model = SupportChange
    fields = ["at", "from_status", "to_status", "by", "note"]
    readonly_fields = fields
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(TravelSupport)
class TravelSupportAdmin(admin.ModelAdmin):
    list_display = ["participant", "member", "lab", "session", "status", "offered_at"]
    list_filter = ["status", "lab"]
    search_fields = ["participant__name", "participant__email", "member__name", "lab__code"]
    list_select_related = ["participant", "member", "lab", "session"]
    inlines = [SupportChangeInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LabDocument)
class LabDocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "lab", "session", "published_by", "published_at"]
    list_filter = ["lab"]
    search_fields = ["title", "lab__code"]
    list_select_related = ["lab", "session", "published_by"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
