"""The expression-of-interest form: several labs in one go, or one interest to
edit. Everything is saved in one transaction, or nothing is; whatever was
typed comes back with the errors marked at their fields."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from applications import conditions, sections, services
from applications.conditions import InterestRefused
from applications.enums import EDITABLE_BY_MEMBER, ONE_PER_MEMBER_AND_LAB
from applications.enums import InterestState as S
from applications.forms import LabChoiceForm
from applications.models import Interest
from applications.rules import interests_visible_to
from labs.enums import LabStatus
from labs.services import public_labs
from labs.wording import join_words
from members.views.access import check, requires

SAVING_ACTIONS = ("draft", "submit")


def labs_open_for_interest():
    today = conditions.today_anywhere_on_earth()
    return public_labs().filter(conditions.open_for_interest_filter(today=today)).order_by("position", "code")


def _more_people(action, lab):
    return 1 if action == f"add-person-{lab.pk}" else 0


@requires("applications.express_interest")
def express_interest(request):
    member = request.user.member
    codes = request.GET.getlist("lab")
    # A NUL byte cannot be in a lab code, and PostgreSQL refuses it in a query; the form says what is wrong.
    asked_about = [code for code in codes or request.POST.getlist("labs") if "\x00" not in code]
    refusal = conditions.member_refusal(member=member, lab=public_labs().filter(code__in=asked_about).first())
    if refusal:
        return render(request, "applications/refused.html", {"refusal": refusal})
    existing = {interest.lab_id: interest for interest in _live_interests(member)}
    drafts = {lab_id: interest for lab_id, interest in existing.items() if interest.state == S.DRAFT}
    choosable = labs_open_for_interest().exclude(pk__in=set(existing) - set(drafts))
    data = request.POST if request.method == "POST" else None
    action = (data or {}).get("action", "")
    choice, chosen = _choose_labs(data, codes, choosable)
    saving = action in SAVING_ACTIONS and all(sections.was_typed(data, lab) for lab in chosen)
    built = [
        sections.build(
            lab=lab,
            member=member,
            interest=_interest_for(data, lab, drafts),
            data=data,
            submitting=action == "submit",
            keep_typing=not saving,
            more_people=_more_people(action, lab),
        )
        for lab in chosen
    ]
    if saving:
        if not chosen and choice.is_valid():
            choice.add_error("labs", _("Choose at least one lab."))
        valid = [section.is_valid() for section in built]
        if choice.is_valid() and all(valid) and _save_all(built, member=member, by=request.user, action=action):
            _say_saved(request, [section.lab for section in built], action)
            return redirect("applications:dashboard")
    context = {
        "choice": choice,
        "sections": built,
        "already": [
            interest
            for interest in existing.values()
            if interest.state != S.DRAFT and interest.lab.status == LabStatus.OPEN
        ],
        "not_open": _not_open_notes(codes, choosable, existing) if data is None else [],
        "member": member,
        "has_errors": bool(choice.errors) or any(section.has_errors for section in built),
    }
    return render(request, "applications/express_interest.html", context)


def _choose_labs(data, codes, choosable):
    """The lab choice and the labs chosen. A posted lab that closed meanwhile
    keeps its section, which then says why it cannot be saved."""
    if data is None:
        chosen = list(choosable.filter(code__in=codes))
        return LabChoiceForm(labs=choosable, initial={"labs": chosen}), chosen
    choice = LabChoiceForm(data, labs=public_labs())
    chosen = list(choice.cleaned_data["labs"]) if choice.is_valid() else []
    shown = public_labs().filter(Q(pk__in=choosable.values("pk")) | Q(pk__in=[lab.pk for lab in chosen]))
    choice.fields["labs"].queryset = shown.order_by("position", "code")
    return choice, chosen


@requires("applications.express_interest")
def edit_interest(request, pk):
    interest = get_object_or_404(_visible(request.user), pk=pk)
    check(request, "applications.edit_interest", interest)
    refusal = conditions.refusal(member=interest.member, lab=interest.lab)
    if interest.state not in EDITABLE_BY_MEMBER or refusal:
        messages.error(request, refusal or _cannot_change(interest))
        return redirect(interest)
    data = request.POST if request.method == "POST" else None
    action = (data or {}).get("action", "")
    was_submitted = interest.state == S.SUBMITTED
    saving = action in SAVING_ACTIONS and not (action == "draft" and was_submitted)
    section = sections.build(
        lab=interest.lab,
        member=interest.member,
        interest=interest,
        data=data,
        submitting=action == "submit",
        keep_typing=not saving,
        more_people=_more_people(action, interest.lab),
    )
    if saving and section.is_valid() and _save_all([section], member=interest.member, by=request.user, action=action):
        _say_saved(request, [interest.lab], action, edited=was_submitted)
        return redirect(interest)
    context = {"interest": interest, "section": section, "has_errors": section.has_errors}
    return render(request, "applications/edit_interest.html", context)


def _visible(user):
    return interests_visible_to(user).select_related("lab", "member").prefetch_related("participants")


def _live_interests(member):
    return Interest.objects.filter(member=member, state__in=ONE_PER_MEMBER_AND_LAB).select_related("lab")


def _interest_for(data, lab, drafts):
    """The draft a section edits: the one it was shown with, when it was posted."""
    if not sections.was_typed(data, lab):
        return drafts.get(lab.pk)
    posted = sections.interest_id_in(data, lab)
    draft = drafts.get(lab.pk)
    return draft if draft is not None and draft.pk == posted else None


def _save_all(built, *, member, by, action):
    """Saves every section in one transaction; on a refusal, marks the section
    and saves nothing."""
    current = None
    try:
        with transaction.atomic():
            for current in built:
                _save(current, member=member, by=by, action=action)
    except services.AlreadyExpressed as error:
        current.existing = error.existing
        return False
    except InterestRefused as error:
        current.errors.append(error.message)
        return False
    except ValidationError as error:
        current.errors.extend(error.messages)
        return False
    return True


def _save(section, *, member, by, action):
    values = {"member": member, "lab": section.lab, "by": by}
    answers, rows = section.form.answers(), section.people.rows()
    if section.interest is not None and section.interest.state == S.SUBMITTED:
        services.edit_submitted_interest(interest=section.interest, by=by, answers=answers, participants=rows)
    elif action == "submit":
        services.submit_interest(**values, answers=answers, participants=rows, interest=section.interest)
    else:
        services.save_draft(**values, answers=answers, participants=rows, interest=section.interest)


def _say_saved(request, labs, action, edited=False):
    codes = join_words([lab.code for lab in labs])
    if edited:
        text = _("Your changes to the expression of interest in %(labs)s have been saved.")
    elif action == "submit":
        text = _(
            "Your expression of interest in %(labs)s has been submitted. The lab's coordinators have been told, "
            "and you will receive an acknowledgement by email."
        )
    else:
        text = _("Your expression of interest in %(labs)s has been saved as a draft. Nobody else sees it yet.")
    messages.success(request, text % {"labs": codes})


def _cannot_change(interest):
    return _("This expression of interest is now “%(state)s”: its answers can no longer be changed.") % {
        "state": interest.get_state_display()
    }


def _not_open_notes(codes, choosable, existing):
    """Why labs asked for in the address (from the catalogue) have no section."""
    offered = {lab.code for lab in choosable}
    notes = []
    for lab in public_labs().filter(code__in=codes).exclude(code__in=offered):
        refusal = conditions.lab_refusal(lab=lab)
        if refusal and (lab.pk not in existing or existing[lab.pk].state == S.DRAFT):
            notes.append(refusal)
    return notes
