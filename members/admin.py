"""The Secretariat's administration of members and people.

Who may use it comes from members/rules.py (`secretariat_administers`); the
querysets come from the same `*_visible_to` helpers as the pages, and actions
call the services, so the administration follows the same rules.
"""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from members.models import Invitation, LinkRequest, Member, User
from members.rules import invitations_visible_to, link_requests_visible_to, members_visible_to, people_visible_to
from members.services import DecisionRefused, anonymise_person, decide_link_request, invite_person


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "region", "income_group", "income_group_year", "status", "kind"]
    list_filter = ["region", "income_group", "status", "kind"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return members_visible_to(request.user)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "member", "is_staff", "is_active"]
    list_filter = ["is_staff", "is_active", "groups"]
    search_fields = ["email", "name"]
    autocomplete_fields = ["member"]
    readonly_fields = ["anonymised_at"]
    actions = ["anonymise"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            _("Person"),
            {"fields": ["name", "position", "department", "member", "preferred_language", "time_zone", "gender"]},
        ),
        (_("Roles and permissions"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined", "anonymised_at"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "name", "password1", "password2"]})]

    def get_queryset(self, request):
        return people_visible_to(request.user)

    @admin.action(description=_("Anonymise the selected people (their records are kept)"))
    def anonymise(self, request, queryset):
        for person in queryset:
            anonymise_person(person=person)
        count = len(queryset)
        done = ngettext("%(count)s person anonymised.", "%(count)s people anonymised.", count) % {"count": count}
        self.message_user(request, done, messages.SUCCESS)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "member", "role", "sent_at", "expires_at", "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "member__name"]
    list_select_related = ["member"]
    readonly_fields = fields = [
        "email",
        "member",
        "role",
        "language",
        "invited_by",
        "sent_at",
        "expires_at",
        "accepted_at",
        "accepted_by",
    ]
    actions = ["send_again"]

    def has_add_permission(self, request):
        return False  # invitations are sent from the Invitations page, which sends the email

    def get_queryset(self, request):
        return invitations_visible_to(request.user)

    @admin.action(description=_("Send the selected invitations again (new link, new expiry)"))
    def send_again(self, request, queryset):
        for invitation in queryset:
            invite_person(
                email=invitation.email,
                member=invitation.member,
                role=invitation.role,
                language=invitation.language,
                invited_by=request.user,
            )
        self.message_user(request, _("Invitations sent again."), messages.SUCCESS)


@admin.register(LinkRequest)
class LinkRequestAdmin(admin.ModelAdmin):
    list_display = ["person", "member", "role", "status", "created_at", "decided_by"]
    list_filter = ["status", "role"]
    search_fields = ["person__email", "person__name", "member__name"]
    list_select_related = ["person", "member", "decided_by"]
    readonly_fields = ["person", "member", "role", "message", "status", "created_at", "decided_at", "decided_by"]
    actions = ["approve", "refuse"]

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        return link_requests_visible_to(request.user)

    def _decide(self, request, queryset, approve):
        for link_request in queryset:
            try:
                decide_link_request(link_request=link_request, decided_by=request.user, approve=approve)
            except DecisionRefused as refusal:
                self.message_user(request, f"{link_request}: {refusal}", messages.ERROR)

    @admin.action(description=_("Approve the selected requests"))
    def approve(self, request, queryset):
        self._decide(request, queryset, approve=True)

    @admin.action(description=_("Refuse the selected requests"))
    def refuse(self, request, queryset):
        self._decide(request, queryset, approve=False)


from members import admin_audit  # noqa: E402, F401  (the read-only audit log)
