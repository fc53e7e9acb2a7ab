"""The member's dashboard, one interest's page, and withdrawing an interest."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from applications import services
from applications.enums import ACTIVE
from applications.enums import InterestState as S
from applications.forms import WithdrawForm
from applications.models import Interest, StateChange
from applications.rules import interests_visible_to
from applications.transitions import IllegalTransition
from config.page_cache import cached_page
from members.views.access import check, paginate, requires


def with_history(interests):
    history = StateChange.objects.select_related("by")
    return interests.select_related("lab", "member", "invitation").prefetch_related(Prefetch("state_changes", history))


@requires("applications.see_dashboard")
@cached_page
def dashboard(request):
    interests = with_history(Interest.objects.filter(member_id=request.user.member_id))
    page, query = paginate(request, interests)
    drafts = list(
        Interest.objects.filter(member_id=request.user.member_id, state=S.DRAFT).values_list("lab__code", flat=True)
    )
    context = {"page": page, "query": query, "member": request.user.member, "draft_codes": drafts}
    return render(request, "applications/dashboard.html", context)


@requires("applications.see_interests")
def interest_detail(request, pk):
    interests = with_history(interests_visible_to(request.user)).prefetch_related("participants")
    interest = get_object_or_404(interests, pk=pk)
    return render(request, "applications/interest_detail.html", {"interest": interest})


@requires("applications.express_interest")
def withdraw(request, pk):
    interest = get_object_or_404(interests_visible_to(request.user).select_related("lab", "member"), pk=pk)
    check(request, "applications.withdraw_interest", interest)
    if interest.state not in ACTIVE:
        messages.error(
            request,
            _("This expression of interest is “%(state)s”: there is nothing to withdraw.")
            % {"state": interest.get_state_display()},
        )
        return redirect(interest)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.withdraw_interest(interest=interest, by=request.user, reason=form.cleaned_data["reason"])
        except IllegalTransition as error:
            messages.error(request, error.message)
            return redirect(interest)
        except ValidationError as error:
            form.add_error("reason", error.messages)
        else:
            messages.success(
                request, _("The expression of interest in %(lab)s has been withdrawn.") % {"lab": interest.lab.code}
            )
            return redirect("applications:dashboard")
    return render(request, "applications/withdraw.html", {"interest": interest, "form": form})
