from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from members.outbox.models import Message
from members.outbox.services import resend_message


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    """Read-only: messages are written by queue_message, never by hand."""

    list_display = ["created_at", "occasion", "recipient_email", "subject", "status", "attempts", "sent_at"]
    list_filter = ["status", "occasion", "language"]
    search_fields = ["recipient_email", "subject"]
    date_hierarchy = "created_at"
    list_select_related = ["member"]
    actions = ["resend"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Resend the selected failed messages"), permissions=["resend"])
    def resend(self, request, queryset):
        chosen = list(queryset)
        resent = sum(resend_message(message=message, by=request.user) for message in chosen)
        if resent:
            text = ngettext("%(count)s message queued again.", "%(count)s messages queued again.", resent)
            self.message_user(request, text % {"count": resent})
        if resent < len(chosen):
            self.message_user(request, _("Only failed messages can be sent again."), messages.WARNING)

    def has_resend_permission(self, request):
        return request.user.has_perm("outbox.resend_message")
