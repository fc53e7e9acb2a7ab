"""The coordinator's pages of sessions: the labs, a lab's sessions and
documents, the session form with fair scheduling, and suggested slots."""

import datetime
import zoneinfo

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from config.pagination import paginate
from events import scheduling, services
from events.forms import DocumentForm, SessionForm, SlotsForm, shown_in
from events.models import LabDocument, Session
from events.selectors import labs_managed_by
from events.views.lookup import managed_lab
from members.views.access import requires

PER_PAGE = 20
SUGGESTED_SLOTS = 10


@requires("events.manage_labs")
def manage_index(request):
    labs = labs_managed_by(request.user).annotate(
        session_count=Count("sessions", distinct=True), support_count=Count("travel_supports", distinct=True)
    )
    page, query = paginate(request, labs.order_by("position", "code"), per_page=PER_PAGE)
    return render(request, "events/manage_index.html", {"page": page, "query": query})


@requires("events.manage_labs")
def lab_sessions(request, code):
    lab = managed_lab(request, code)
    sessions = Session.objects.filter(lab=lab).order_by("-starts_at", "-pk")
    page, query = paginate(request, sessions, per_page=PER_PAGE)
    documents = LabDocument.objects.filter(lab=lab).select_related("session")[:PER_PAGE]
    context = {"lab": lab, "page": page, "query": query, "documents": documents}
    return render(request, "events/lab_sessions.html", context)


@requires("events.manage_labs")
def session_create(request, code):
    lab = managed_lab(request, code)
    return _session_form(request, lab=lab, session=None)


@requires("events.manage_labs")
def session_edit(request, pk):
    session = get_object_or_404(Session.objects.filter(lab__in=labs_managed_by(request.user)), pk=pk)
    return _session_form(request, lab=session.lab, session=session)


def _session_form(request, *, lab, session):
    if request.method == "POST":
        form = SessionForm(request.POST, lab=lab, session=session)
    else:
        form = SessionForm(lab=lab, session=session, initial=_initial_from_query(request, session))
    slot = None
    if form.is_bound and form.is_valid():
        slot = (form.cleaned_data["starts_at"], form.cleaned_data["ends_at"])
        if "save" in request.POST and _save(request, form, lab=lab, session=session):
            return redirect("events:lab_sessions", code=lab.code)
    elif not form.is_bound:
        slot = _slot_of(form.initial)
    local_times = None
    if slot:
        local_times = scheduling.local_times(starts_at=slot[0], ends_at=slot[1], attendees=scheduling.cohort(lab))
    context = {"lab": lab, "session": session, "form": form, "local_times": local_times}
    if local_times is not None:
        context["outside_count"] = sum(row.outside for row in local_times)
    return render(request, "events/session_form.html", context)


def _save(request, form, *, lab, session):
    try:
        if session is None:
            services.create_session(lab=lab, by=request.user, **form.session_fields())
            messages.success(request, _("The session has been created."))
        else:
            services.update_session(session=session, by=request.user, **form.session_fields())
            messages.success(request, _("The session has been saved; calendars will show the change."))
    except ValidationError as error:
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return False
    return True


def _initial_from_query(request, session):
    """A new session from a suggested slot: ?starts=…&ends=… (UTC) and &time_zone=…"""
    if session is not None:
        return None
    starts, ends = parse_datetime(request.GET.get("starts", "")), parse_datetime(request.GET.get("ends", ""))
    zone = request.GET.get("time_zone") or timezone.get_current_timezone_name()
    try:
        zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = "UTC"
    initial = {"kind": "online", "time_zone": zone}
    if starts and ends and timezone.is_aware(starts) and timezone.is_aware(ends):
        initial.update(starts_at=shown_in(starts, zone), ends_at=shown_in(ends, zone))
    return initial


def _slot_of(initial):
    starts, ends, zone = initial.get("starts_at"), initial.get("ends_at"), initial.get("time_zone")
    if not (starts and ends and zone):
        return None
    tz = zoneinfo.ZoneInfo(zone)
    return starts.replace(tzinfo=tz), ends.replace(tzinfo=tz)


@requires("events.manage_labs")
def suggest_slots(request, code):
    lab = managed_lab(request, code)
    data = request.GET if "day" in request.GET else None
    form = SlotsForm(data, initial={"time_zone": timezone.get_current_timezone_name(), "duration": 90})
    slots = None
    cohort = scheduling.cohort(lab)
    if form.is_bound and form.is_valid():
        zone = zoneinfo.ZoneInfo(form.cleaned_data["time_zone"])
        ranked = scheduling.suggest_slots(
            day=form.cleaned_data["day"], duration=form.duration_delta(), attendees=cohort, zone=zone
        )
        slots = [(slot, slot.starts_at.astimezone(zone), slot.ends_at.astimezone(zone)) for slot in ranked]
        slots = slots[:SUGGESTED_SLOTS]
    context = {"lab": lab, "form": form, "slots": slots, "cohort": cohort, "utc": datetime.UTC}
    return render(request, "events/suggest_slots.html", context)


@requires("events.manage_labs")
def document_create(request, code):
    lab = managed_lab(request, code)
    form = DocumentForm(request.POST or None, request.FILES or None, lab=lab)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.publish_document(
                lab=lab,
                by=request.user,
                title=data["title"],
                note=data["note"],
                link=data["link"],
                file=data["file"],
                session=data["session"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The document is published for the lab's participants."))
            return redirect("events:lab_sessions", code=lab.code)
    return render(request, "events/document_form.html", {"lab": lab, "form": form})
