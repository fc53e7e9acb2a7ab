"""The participant's page: my labs, sessions, onsite answers, travel support, documents, calendar."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from config.page_cache import cached_page
from config.pagination import paginate
from events import ical, letters, pages, services, support
from events.enums import SessionKind
from events.forms import OnsiteAnswerForm
from events.models import CalendarFeed, Session, SupportChange
from events.pages import BLOCK_KEY
from events.rules import documents_visible_to, supports_managed_by
from events.selectors import calendar_sessions, labs_of_participant, sessions_visible_to
from events.support_forms import AcceptForm, NoteForm
from members.views.access import check

LABS_PER_PAGE = 10


@login_required
@cached_page
def my_labs(request):
    page, query = paginate(request, labs_of_participant(request.user), per_page=LABS_PER_PAGE)
    page.object_list = pages.my_labs(request.user, labs=list(page.object_list))
    feed = CalendarFeed.objects.filter(person=request.user).first()  # a GET makes none: see reset_calendar
    feed_url = request.build_absolute_uri(feed.get_absolute_url()) if feed else None
    context = {"page": page, "query": query, "feed_url": feed_url}
    return render(request, "events/my_labs.html", context)


@login_required
@require_POST
def answer(request, key):
    """Saves one answer block of the page (a session, or an alternative group)."""
    sessions = _answer_sessions(request, key)
    form = OnsiteAnswerForm(request.POST, sessions=sessions, prefix=key)
    if not form.is_valid():
        messages.error(request, _("Choose one of the answers."))
        return redirect("events:my_labs")
    choice = form.cleaned_data["choice"]
    try:
        if choice == OnsiteAnswerForm.NONE:
            for session in sessions:
                services.answer_onsite(person=request.user, session=session, attending=False)
        else:
            chosen = next(session for session in sessions if str(session.pk) == choice)
            services.answer_onsite(person=request.user, session=chosen, attending=True)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your answer has been saved."))
    return redirect("events:my_labs")


def _answer_sessions(request, key):
    """The upcoming onsite sessions an answer block stands for (pages.block_key), among the person's labs."""
    match = BLOCK_KEY.fullmatch(key)
    if match is None:
        raise Http404
    mine = Session.objects.filter(
        lab__in=labs_of_participant(request.user), kind=SessionKind.ONSITE, ends_at__gte=timezone.now()
    ).select_related("workshop", "lab")
    if match["session"]:
        sessions = [session for session in mine.filter(pk=match["session"]) if session.alternative_group is None]
    else:
        sessions = list(mine.filter(lab_id=match["lab"], workshop__alternative_group=match["group"]))
    if not sessions:
        raise Http404
    return sessions


@login_required
def my_support(request, pk):
    """The participant's own travel support: accept (with travel details) or decline."""
    mine = request.user.travel_supports.select_related("lab", "session", "member")
    item = get_object_or_404(mine, pk=pk)
    accept_form = AcceptForm(request.POST if request.POST.get("action") == "accept" else None, prefix="accept")
    decline_form = NoteForm(request.POST if request.POST.get("action") == "decline" else None, prefix="decline")
    if request.method == "POST":
        try:
            if accept_form.is_bound and accept_form.is_valid():
                support.accept_travel_support(support=item, by=request.user, **accept_form.cleaned_data)
                messages.success(request, _("You have accepted the travel support. Thank you!"))
                return redirect("events:my_support", pk=item.pk)
            if decline_form.is_bound and decline_form.is_valid():
                support.decline_travel_support(support=item, by=request.user, note=decline_form.cleaned_data["note"])
                messages.success(request, _("You have declined the travel support."))
                return redirect("events:my_support", pk=item.pk)
        except support.IllegalSupportChange as error:
            messages.error(request, error.message)
            return redirect("events:my_support", pk=item.pk)
        except ValidationError as error:
            _show_errors(accept_form if accept_form.is_bound else decline_form, error)
    history = SupportChange.objects.filter(support=item).select_related("by")
    context = {"support": item, "accept_form": accept_form, "decline_form": decline_form, "history": history}
    return render(request, "events/my_support.html", context)


def _show_errors(form, error):
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
def support_letter(request, pk):
    """The PDF letter of accepted or booked support, for its participant or the lab's staff."""
    item = get_object_or_404(_supports_seen_by(request.user), pk=pk)
    check(request, "events.see_support", item)
    if not item.has_letter:
        raise Http404
    response = HttpResponse(letters.invitation_letter(item), content_type="application/pdf")
    name = slugify(item.participant.get_full_name()) or "participant"
    response["Content-Disposition"] = f'attachment; filename="invitation-{item.lab.code}-{name}.pdf"'
    return response


def _supports_seen_by(user):
    related = ("lab", "session", "member", "participant")
    return (user.travel_supports.all() | supports_managed_by(user)).select_related(*related).distinct()


@login_required
def session_calendar(request, pk):
    session = get_object_or_404(sessions_visible_to(request.user).select_related("lab"), pk=pk)
    check(request, "events.follow_lab", session.lab)
    return _ics(ical.calendar_of([session], name=str(session)), f"{session.lab.code}-session-{session.pk}.ics")


@cached_page
def calendar_feed(request, token):
    """The subscription address: whoever holds the token reads the person's sessions (no sign-in)."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("person"), token=token, person__is_active=True)
    sessions = calendar_sessions(feed.person)
    response = _ics(ical.cached_calendar_of(sessions, name=_("Solutions Labs sessions")), "solutions-labs.ics")
    patch_cache_control(response, private=True, no_store=True)  # personal, though read without signing in
    return response


def _ics(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_required
@require_POST
def reset_calendar(request):
    """Gives the person a calendar address, or a new one (the old one then stops working)."""
    had_one = CalendarFeed.objects.filter(person=request.user).exists()
    services.reset_calendar_token(person=request.user)
    if had_one:
        messages.success(request, _("Your calendar has a new address: the old one no longer works."))
    else:
        messages.success(request, _("Your calendar address is ready."))
    return redirect("events:my_labs")


@login_required
def document(request, pk):
    """Downloads an uploaded PDF: for the lab's participants, coordinators and the Secretariat."""
    item = get_object_or_404(documents_visible_to(request.user).exclude(file="").select_related("lab"), pk=pk)
    check(request, "events.follow_lab", item.lab)
    filename = item.original_name or f"{slugify(item.title) or 'document'}.pdf"
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=filename, content_type="application/pdf")
