"""A lab's pipeline: filters, counts per state, sorting, pages, decisions on
ticked rows, and the filtered list as CSV or XLSX; the interests of every lab
one selects for as one XLSX."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from applications.models import Interest
from applications.selection import decisions, exports
from applications.selection.decisions import DecisionRefused
from applications.selection.filters import PipelineFilter
from applications.selection.forms import BulkDecisionForm
from applications.selection.pipeline import PIPELINE_STATES, every_lab_interests, pipeline_interests, state_counts
from applications.selection.views.common import back_to, selected_lab
from config.page_cache import cached_page
from members.views.access import paginate, requires

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def filtered(request, lab):
    return PipelineFilter(request.GET or None, queryset=pipeline_interests(lab=lab))


@requires("applications.see_selection")
@cached_page
def pipeline(request, code):
    lab = selected_lab(request, code)
    filterset = filtered(request, lab)
    candidates = Interest.objects.filter(lab=lab, submitted_at__isnull=False)
    bulk = BulkDecisionForm(request.POST or None, interests=candidates)
    if request.method == "POST" and _decide(request, bulk):
        return back_to(request)
    page, query = paginate(request, filterset.qs)
    counts = state_counts(labs=[lab.pk])[lab.pk]
    context = {
        "lab": lab,
        "filter": filterset,
        "page": page,
        "query": query,
        "counts": [(state, counts[state]) for state in PIPELINE_STATES],
        "total": sum(counts.values()),
        "bulk": bulk,
        "ticked": {str(value) for value in (bulk["interests"].value() or [])},
    }
    return render(request, "applications/selection/pipeline.html", context)


def _decide(request, form):
    """Applies the decision on the ticked rows; False (errors at the form) if refused."""
    if not form.is_valid():
        return False
    interests = form.cleaned_data["interests"]
    action = request.POST.get("action")
    try:
        if action == "notify":
            sent = decisions.send_not_selected_notices(interests=interests, by=request.user)
            messages.success(
                request,
                ngettext(
                    "The not-selected notice went to %(count)s member.",
                    "The not-selected notice went to %(count)s members.",
                    len(sent),
                )
                % {"count": len(sent)},
            )
            return True
        if not form.cleaned_data["to"]:
            form.add_error("to", _("Choose the new state."))
            return False
        changed = decisions.change_states(
            interests=interests,
            to=form.cleaned_data["to"],
            by=request.user,
            reason=form.cleaned_data["reason"],
            message=form.cleaned_data["message"],
        )
    except ValidationError as error:
        for field, errors in error.message_dict.items():
            form.add_error(field, errors)
        return False
    except DecisionRefused as error:
        form.add_error(None, error.message)
        return False
    messages.success(
        request,
        ngettext("%(count)s member moved.", "%(count)s members moved.", len(changed)) % {"count": len(changed)},
    )
    return True


@requires("applications.see_selection")
def export_csv(request, code):
    lab = selected_lab(request, code)
    response = StreamingHttpResponse(
        exports.csv_lines(filtered(request, lab).qs), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{lab.code}-pipeline.csv"'
    return response


@requires("applications.see_selection")
def export_xlsx(request, code):
    lab = selected_lab(request, code)
    file = exports.xlsx_file(filtered(request, lab).qs, title=lab.code)
    return FileResponse(file, as_attachment=True, filename=f"{lab.code}-pipeline.xlsx", content_type=XLSX)


@requires("applications.see_selection")
def export_every_lab_xlsx(request):
    file = exports.xlsx_file(every_lab_interests(user=request.user), title=_("Expressions of interest"), with_lab=True)
    return FileResponse(file, as_attachment=True, filename="solutions-labs-interests.xlsx", content_type=XLSX)
