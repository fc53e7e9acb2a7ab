"""The coordinator's pages of travel support: a lab's overview and export,
the offer form, and one support's page (change, book, cancel)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from config.pagination import paginate
from events import exports, overview, support
from events.models import SupportChange
from events.rules import supports_managed_by
from events.selectors import participants_of
from events.support_forms import CancelForm, NoteForm, OfferForm, SupportItemsForm
from events.views.lookup import managed_lab
from labs.wording import describe_support
from members.views.access import requires

PER_PAGE = 25
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@requires("events.manage_labs")
def support_overview(request, code):
    lab = managed_lab(request, code)
    rows = overview.support_rows(lab).order_by("member__name", "participant__name", "-offered_at")
    page, query = paginate(request, rows, per_page=PER_PAGE)
    context = {
        "lab": lab,
        "summary": overview.support_summary(lab),
        "attendance": overview.onsite_attendance(lab),
        "page": page,
        "query": query,
    }
    return render(request, "events/support_overview.html", context)


@requires("events.manage_labs")
def support_export(request, code):
    lab = managed_lab(request, code)
    rows = overview.support_rows(lab).order_by("member__name", "participant__name", "-offered_at")
    response = HttpResponse(exports.support_workbook(lab=lab, supports=rows), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="travel-support-{lab.code}.xlsx"'
    return response


@requires("events.manage_labs")
def support_offer(request, code):
    lab = managed_lab(request, code)
    package = getattr(lab, "support_package", None)
    form = OfferForm(
        request.POST or None,
        package=package,
        participants=participants_of(lab),
        sessions=support.onsite_sessions(lab),
    )
    if request.method == "POST" and form.is_valid():
        try:
            created = support.offer_travel_support(
                participant=form.cleaned_data["participant"],
                lab=lab,
                session=form.cleaned_data["session"],
                items=form.items(),
                by=request.user,
            )
        except support.SupportRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("Travel support offered to %(name)s.") % {"name": created.participant})
            return redirect("events:support_overview", code=lab.code)
    context = {"lab": lab, "form": form, "package_description": describe_support(package=package)}
    return render(request, "events/support_offer.html", context)


@requires("events.manage_labs")
def support_detail(request, pk):
    item = get_object_or_404(
        supports_managed_by(request.user).select_related("lab__support_package", "session", "participant", "member"),
        pk=pk,
    )
    action = request.POST.get("action")
    package = getattr(item.lab, "support_package", None)
    forms = {
        "change": SupportItemsForm(request.POST if action == "change" else None, package=package, initial=_items(item)),
        "book": NoteForm(request.POST if action == "book" else None, prefix="book"),
        "cancel": CancelForm(request.POST if action == "cancel" else None, prefix="cancel"),
    }
    if request.method == "POST" and action in forms and forms[action].is_valid():
        try:
            _decide(request, item, action, forms[action])
        except (support.SupportRefused, support.IllegalSupportChange) as refusal:
            forms[action].add_error(None, refusal.message)
        except ValidationError as error:
            forms[action].add_error(None, error)
        else:
            return redirect("events:support_detail", pk=item.pk)
    history = SupportChange.objects.filter(support=item).select_related("by")
    context = {"support": item, "forms": forms, "history": history, "package": package}
    return render(request, "events/support_detail.html", context)


def _items(item):
    return {field: getattr(item, field) for field in support.SupportItems.__dataclass_fields__}


def _decide(request, item, action, form):
    if action == "change":
        support.change_travel_support(support=item, items=form.items(), by=request.user)
        messages.success(request, _("The support has been changed; the participant is told."))
    elif action == "book":
        support.book_travel_support(support=item, by=request.user, note=form.cleaned_data["note"])
        messages.success(request, _("The support is marked as booked; the participant is told."))
    else:
        support.cancel_travel_support(support=item, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("The support is cancelled and its place is free; the participant is told."))
