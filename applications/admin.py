"""The Secretariat reads every expression of interest here, with its
selection (invitation, participants, conversation log). Nothing is added,
changed or deleted in the administration: states change only through
applications.transitions.change_state, and no record of interest is deleted."""

from django.contrib import admin

from applications.models import Conversation, FormalInvitation, Interest, LabParticipant, NamedParticipant, StateChange
from applications.rules import interests_visible_to


class ReadOnly:
    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class NamedParticipantInline(ReadOnly, admin.TabularInline):
    model = NamedParticipant
    fields = ["name", "position", "department", "email", "working_language", "gender", "person"]
    extra = 0


class StateChangeInline(ReadOnly, admin.TabularInline):
    model = StateChange
    fields = ["at", "from_state", "to_state", "by", "reason", "message"]
    readonly_fields = ["at"]
    extra = 0


class ConversationInline(ReadOnly, admin.TabularInline):
    model = Conversation
    fields = ["held_on", "channel", "notes", "next_step", "follow_up_on", "follow_up_done_at", "logged_by"]
    readonly_fields = fields
    extra = 0


class FormalInvitationInline(ReadOnly, admin.StackedInline):
    model = FormalInvitation
    fields = [
        "respond_by",
        "commitments",
        "sent_by",
        "sent_at",
        "answered_by",
        "answered_at",
        "accepted_commitments",
        "decline_reason",
        "reminded_at",
        "lapsed_at",
    ]
    readonly_fields = fields
    extra = 0


class LabParticipantInline(ReadOnly, admin.TabularInline):
    model = LabParticipant
    fields = ["name", "email", "position", "working_language", "gender", "person", "portal_invitation", "named_by"]
    readonly_fields = fields
    extra = 0


@admin.register(Interest)
class InterestAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["member", "lab", "state", "submitted_at", "updated_at"]
    list_filter = ["state", "lab"]
    search_fields = ["member__name", "lab__code", "lab__title"]
    list_select_related = ["member", "lab"]
    fields = [
        "member",
        "lab",
        "state",
        "motivation",
        "experience",
        "intends_to_attend_onsite",
        "asks_travel_support",
        "acknowledged_non_binding",
        "created_by",
        "created_at",
        "submitted_at",
        "updated_at",
        "not_selected_notice_at",
    ]
    readonly_fields = ["state", "created_at", "submitted_at", "updated_at", "not_selected_notice_at"]
    inlines = [
        NamedParticipantInline,
        StateChangeInline,
        FormalInvitationInline,
        LabParticipantInline,
        ConversationInline,
    ]

    def get_queryset(self, request):
        return interests_visible_to(request.user)
