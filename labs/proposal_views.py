"""Lab proposals: anyone signed in proposes; the Secretariat decides; the
proposer follows the outcome. Nobody else sees someone's proposal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from config.pagination import paginate
from labs import services
from labs.enums import ProposalStatus
from labs.forms import LabProposalForm, ProposalOutcomeForm

PAGE_SIZE = 25


def _proposals(user):
    return (
        services.proposals_visible_to(user=user)
        .select_related("proposer", "member", "decided_by")
        .prefetch_related("themes", "languages")
    )


@login_required
def my_proposals(request):
    proposals = _proposals(request.user).filter(proposer=request.user)
    page, query = paginate(request, proposals, per_page=PAGE_SIZE)
    return render(request, "labs/proposal_list.html", {"page": page, "query": query})


@login_required
def propose(request):
    form = LabProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        proposal = services.submit_proposal(proposer=request.user, **form.cleaned_data)
        messages.success(request, _("Thank you: your proposal has been sent to the Secretariat."))
        return redirect(proposal)
    return render(request, "labs/proposal_form.html", {"form": form})


@login_required
def proposal_detail(request, pk):
    proposal = get_object_or_404(_proposals(request.user), pk=pk)
    form = None
    if request.user.has_perm("labs.decide_proposal", proposal):
        form = ProposalOutcomeForm(initial={"status": proposal.status, "note": proposal.outcome_note})
    return render(request, "labs/proposal_detail.html", {"proposal": proposal, "form": form})


@login_required
@require_POST
def decide(request, pk):
    proposal = get_object_or_404(_proposals(request.user), pk=pk)
    if not request.user.has_perm("labs.decide_proposal", proposal):
        raise PermissionDenied
    form = ProposalOutcomeForm(request.POST)
    if not form.is_valid():
        return render(request, "labs/proposal_detail.html", {"proposal": proposal, "form": form}, status=400)
    services.set_proposal_outcome(
        proposal=proposal, outcome=form.cleaned_data["status"], note=form.cleaned_data["note"], by=request.user
    )
    messages.success(request, _("The outcome has been saved; the proposer can see it."))
    return redirect("labs:review_proposals")


@login_required
def review_proposals(request):
    if not request.user.has_perm("labs.review_proposals"):
        raise PermissionDenied
    proposals = _proposals(request.user)
    status = request.GET.get("status", "")
    if status in ProposalStatus.values:
        proposals = proposals.filter(status=status)
    page, query = paginate(request, proposals, per_page=PAGE_SIZE)
    context = {"page": page, "status": status, "statuses": ProposalStatus.choices, "query": query}
    return render(request, "labs/proposal_review.html", context)
