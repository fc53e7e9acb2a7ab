"""The coordinator's home: their labs with counts per state, and the
follow-ups that are due (every lab and follow-up for the Secretariat)."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from applications.rules import labs_for_selection, selection_interests_for
from applications.selection.conversations import due_follow_ups
from applications.selection.pipeline import PIPELINE_STATES, state_counts
from members.views.access import paginate, requires

FOLLOW_UPS_PER_PAGE = 20


@requires("applications.see_selection")
def selection_home(request):
    labs = labs_for_selection(request.user).select_related("edition").order_by("-edition__year", "position", "code")
    page, query = paginate(request, labs)
    counts = state_counts(labs=[lab.pk for lab in page])
    rows = [(lab, [counts[lab.pk][state] for state in PIPELINE_STATES], sum(counts[lab.pk].values())) for lab in page]
    follow_ups = due_follow_ups(interests=selection_interests_for(request.user), today=timezone.localdate())
    follow_ups_page = Paginator(follow_ups, FOLLOW_UPS_PER_PAGE).get_page(request.GET.get("follow_ups"))
    context = {
        "page": page,
        "query": query,
        "rows": rows,
        "states": PIPELINE_STATES,
        "follow_ups": follow_ups_page,
    }
    return render(request, "applications/selection/home.html", context)
