"""A person without a member asks to be linked to one; the Secretariat or the
member's focal point decides."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from members.enums import LinkRequestStatus
from members.forms import LinkDecisionForm, LinkRequestForm
from members.rules import link_requests_visible_to
from members.services import DecisionRefused, ask_to_be_linked, decide_link_request
from members.views.access import paginate, requires


@requires("members.ask_to_be_linked")
def ask(request):
    requests = request.user.link_requests.select_related("member").order_by("-created_at")
    pending = requests.filter(status=LinkRequestStatus.PENDING).first()
    form = None if pending else LinkRequestForm(request.POST or None)
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            ask_to_be_linked(person=request.user, **form.cleaned_data)
        except DecisionRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Your request has been sent. You will see the decision on this page."))
        return redirect("members:ask_to_be_linked")
    return render(request, "members/link_request_ask.html", {"form": form, "pending": pending, "requests": requests})


@requires("members.review_link_requests")
def link_request_list(request):
    requests = link_requests_visible_to(request.user).select_related("person", "member", "decided_by")
    status = request.GET.get("status", LinkRequestStatus.PENDING)
    if status in LinkRequestStatus.values:
        requests = requests.filter(status=status)
    page, query = paginate(request, requests.order_by("-created_at", "-pk"))
    context = {"page": page, "query": query, "status": status, "statuses": LinkRequestStatus.choices}
    return render(request, "members/link_request_list.html", context)


@requires("members.review_link_requests")
def link_request_detail(request, pk):
    link_request = get_object_or_404(
        link_requests_visible_to(request.user).select_related("person", "member", "decided_by"), pk=pk
    )
    may_decide = request.user.has_perm("members.decide_link_request", link_request)
    form = LinkDecisionForm(request.POST or None) if may_decide else None
    if request.method == "POST" and form is not None and form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            decide_link_request(
                link_request=link_request, decided_by=request.user, approve=approve, note=form.cleaned_data["note"]
            )
        except DecisionRefused as refusal:
            messages.error(request, str(refusal))
        else:
            if approve:
                done = _("%(person)s is now linked to %(member)s.")
            else:
                done = _("The request of %(person)s is refused.")
            messages.success(request, done % {"person": link_request.person, "member": link_request.member})
        return redirect("members:link_request_detail", pk=link_request.pk)
    return render(request, "members/link_request_detail.html", {"link_request": link_request, "form": form})
