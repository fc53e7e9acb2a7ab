from django.contrib import admin

from labs.forms import SupportPackageAdminForm
from labs.models import Edition, KeyQuestion, Lab, LabProposal, OnsiteWorkshop, SupportPackage
from members.rules import is_secretariat


class SecretariatOnly:
    """The catalogue is edited by Secretariat admins (staff with that role) only."""

    def _allowed(self, request):
        return request.user.is_active and request.user.is_staff and is_secretariat(request.user)

    def has_module_permission(self, request):
        return self._allowed(request)

    def has_view_permission(self, request, obj=None):
        return self._allowed(request)

    def has_add_permission(self, request, *args):
        return self._allowed(request)

    def has_change_permission(self, request, obj=None):
        return self._allowed(request)

    def has_delete_permission(self, request, obj=None):
        return self._allowed(request)


class KeyQuestionInline(SecretariatOnly, admin.TabularInline):
    model = KeyQuestion
    extra = 0
    fields = ["position", "text"]


class OnsiteWorkshopInline(SecretariatOnly, admin.StackedInline):
    model = OnsiteWorkshop
    extra = 0
    fields = [
        ("position", "kind"),
        ("city", "region", "country"),
        ("period", "starts_on", "ends_on"),
        ("outside_event", "language", "alternative_group"),
    ]


class SupportPackageInline(SecretariatOnly, admin.StackedInline):
    model = SupportPackage
    form = SupportPackageAdminForm
    can_delete = False
    fields = [
        "has_travel_support",
        ("airfare", "accommodation_nights", "local_transport", "meals", "event_pass"),
        ("representatives_per_member", "max_funded_members"),
        "eligible_income_groups",
        "cap_scope",
    ]


@admin.register(Edition)
class EditionAdmin(SecretariatOnly, admin.ModelAdmin):
    list_display = ["title", "year", "is_published", "published_on"]
    list_filter = ["is_published"]


@admin.register(Lab)
class LabAdmin(SecretariatOnly, admin.ModelAdmin):
    list_display = ["code", "title", "edition", "status", "interest_deadline"]
    list_filter = ["edition", "status", "themes"]
    search_fields = ["code", "title"]
    filter_horizontal = ["themes", "working_languages", "coordinators"]
    inlines = [KeyQuestionInline, OnsiteWorkshopInline, SupportPackageInline]
    fieldsets = [
        (None, {"fields": ["edition", ("code", "position"), "title", "status", "interest_deadline"]}),
        (
            None,
            {"fields": ["themes", "working_languages", ("interpretation_language", "interpretation_to_be_confirmed")]},
        ),
        (None, {"fields": ["partners", "summary", "target_participants"]}),
        (None, {"fields": [("number_of_online_discussions", "max_online_discussions"), "other_activities"]}),
        (None, {"fields": ["commitment", "what_is_included", "estimated_timeline"]}),
        (None, {"fields": [("target_cohort_size", "participants_per_member"), "coordinators"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("edition")


@admin.register(LabProposal)
class LabProposalAdmin(SecretariatOnly, admin.ModelAdmin):
    list_display = ["title", "proposer", "member", "status", "created_at"]
    list_filter = ["status", "themes"]
    search_fields = ["title", "challenge"]
    # Outcomes are given on the Secretariat's proposals page, which records who decided and when.
    readonly_fields = ["proposer", "member", "status", "outcome_note", "decided_by", "decided_at", "created_at"]
    filter_horizontal = ["themes", "languages"]
