from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from config.pagination import paginate
from members.outbox.filters import MessageFilter
from members.outbox.models import Message
from members.outbox.services import resend_message
from members.views.access import requires

PAGE_SIZE = 50


@requires("outbox.view_message", hidden=True)
def message_list(request):
    queryset = Message.objects.select_related("member", "lab").defer("text_body", "html_body")
    message_filter = MessageFilter(request.GET or None, queryset=queryset)
    page, query = paginate(request, message_filter.qs, per_page=PAGE_SIZE)
    return render(request, "outbox/message_list.html", {"filter": message_filter, "page": page, "query": query})


@requires("outbox.view_message", hidden=True)
def message_detail(request, pk):
    message = get_object_or_404(Message.objects.select_related("member", "lab", "resent_by", "content_type"), pk=pk)
    return render(request, "outbox/message_detail.html", {"message": message})


@require_POST
@requires("outbox.resend_message", hidden=True)
def message_resend(request, pk):
    message = get_object_or_404(Message, pk=pk)
    if resend_message(message=message, by=request.user):
        messages.success(request, _("The message is queued to be sent again."))
    else:
        messages.error(request, _("Only a failed message can be sent again."))
    return redirect("outbox:detail", pk=message.pk)
