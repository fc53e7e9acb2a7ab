from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from config.pagination import paginate
from members.outbox.filters import MessageFilter
from members.outbox.models import Message
from members.outbox.services import resend_message

PAGE_SIZE = 50


def secretariat_only(permission):
    """Strangers are sent to sign in; signed-in people without the role see a 404."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(permission):
                raise Http404
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


@secretariat_only("outbox.view_message")
def message_list(request):
    queryset = Message.objects.select_related("member", "lab").defer("text_body", "html_body")
    message_filter = MessageFilter(request.GET or None, queryset=queryset)
    page, query = paginate(request, message_filter.qs, per_page=PAGE_SIZE)
    return render(request, "outbox/message_list.html", {"filter": message_filter, "page": page, "query": query})


@secretariat_only("outbox.view_message")
def message_detail(request, pk):
    message = get_object_or_404(Message.objects.select_related("member", "lab", "resent_by", "content_type"), pk=pk)
    return render(request, "outbox/message_detail.html", {"message": message})


@require_POST
@secretariat_only("outbox.resend_message")
def message_resend(request, pk):
    message = get_object_or_404(Message, pk=pk)
    if resend_message(message=message, by=request.user):
        messages.success(request, _("The message is queued to be sent again."))
    else:
        messages.error(request, _("Only a failed message can be sent again."))
    return redirect("outbox:detail", pk=message.pk)
