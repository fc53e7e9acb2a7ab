"""Forms of sessions, onsite answers, documents and fair scheduling. The rules
are in the services; forms read the input and show each refusal at its field."""

import datetime
import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from events.enums import SessionKind
from events.models import Session
from events.uploads import validate_pdf
from labs.enums import LanguageCode
from members.forms import TIME_ZONE_CHOICES

DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def blank_and_countries():
    """Country names in the reader's language (choices evaluated when the form is shown)."""
    return [("", "—"), *countries]


def typed_in(value, zone_name):
    """A date-time typed in a form (read by Django in the viewer's zone) as the
    same wall-clock time in `zone_name`."""
    wall_clock = timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    return wall_clock.replace(tzinfo=zoneinfo.ZoneInfo(zone_name))


def shown_in(value, zone_name):
    """A stored time as the naive wall-clock time of `zone_name`, for a form's initial value."""
    return value.astimezone(zoneinfo.ZoneInfo(zone_name)).replace(tzinfo=None)


class SessionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=SessionKind.choices, widget=forms.RadioSelect)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    time_zone = forms.ChoiceField(
        label=_("Time zone of the times below"),
        choices=TIME_ZONE_CHOICES,
        help_text=_("For an onsite workshop, the venue's time zone."),
    )
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DATETIME_INPUT)
    ends_at = forms.DateTimeField(label=_("Ends at"), widget=DATETIME_INPUT)
    video_link = forms.URLField(
        label=_("Video link"), required=False, assume_scheme="https", help_text=_("For an online discussion.")
    )
    venue = forms.CharField(label=_("Venue"), max_length=200, required=False)
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    country = LazyTypedChoiceField(label=_("Country"), choices=blank_and_countries, required=False)
    language = forms.ChoiceField(label=_("Language"), choices=LanguageCode.choices)
    interpretation_language = forms.ChoiceField(
        label=_("Interpretation into"), choices=[("", _("None"))] + LanguageCode.choices, required=False
    )
    workshop = forms.ModelChoiceField(
        label=_("Planned onsite workshop"),
        queryset=None,
        required=False,
        help_text=_("Workshops of one alternative group exclude each other: a member attends only one."),
    )

    def __init__(self, *args, lab, session=None, **kwargs):
        if session is not None and not kwargs.get("initial"):
            kwargs["initial"] = initial_of(session)
        super().__init__(*args, **kwargs)
        self.fields["workshop"].queryset = lab.workshops.all()

    def clean(self):
        cleaned = super().clean()
        zone = cleaned.get("time_zone")
        for field in ("starts_at", "ends_at"):
            if zone and cleaned.get(field):
                cleaned[field] = typed_in(cleaned[field], zone)
        return cleaned

    def session_fields(self):
        return {name: self.cleaned_data[name] for name in self.fields}


def initial_of(session):
    values = {name: getattr(session, name) for name in SessionForm.base_fields}
    values["starts_at"] = shown_in(session.starts_at, session.time_zone)
    values["ends_at"] = shown_in(session.ends_at, session.time_zone)
    return values


class OnsiteAnswerForm(forms.Form):
    """One onsite session (attending or not), or the sessions of one alternative
    group (which one, or none of them)."""

    NONE = "none"

    choice = forms.ChoiceField(widget=forms.RadioSelect)

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["choice"]
        if len(sessions) == 1:
            field.label = _("Will you attend?")
            field.choices = [(str(sessions[0].pk), _("Yes, I will attend")), (self.NONE, _("No, I will not attend"))]
        else:
            field.label = _("Which one will you attend?")
            field.choices = [(str(session.pk), f"{session.title} ({session.place})") for session in sessions]
            field.choices += [(self.NONE, _("None of them"))]


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    session = forms.ModelChoiceField(label=_("After the session"), queryset=Session.objects.none(), required=False)
    note = forms.CharField(
        label=_("Note or conclusions"), widget=forms.Textarea(attrs={"rows": 5}), required=False, max_length=10000
    )
    link = forms.URLField(
        label=_("Link"), required=False, assume_scheme="https", help_text=_("Slides or a document online.")
    )
    file = forms.FileField(
        label=_("PDF file"),
        required=False,
        validators=[validate_pdf],
        help_text=_("A PDF document of at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args, lab, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = Session.objects.filter(lab=lab)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("link") and cleaned.get("file"):
            self.add_error("link", _("Give either a link or a PDF file, not both."))
        elif not (cleaned.get("note", "").strip() or cleaned.get("link") or cleaned.get("file")) and not self.errors:
            self.add_error(None, _("Give a link, a PDF file or a note."))
        return cleaned


DURATION_CHOICES = [(60, _("1 hour")), (90, _("1 hour 30 minutes")), (120, _("2 hours")), (180, _("3 hours"))]


class SlotsForm(forms.Form):
    day = forms.DateField(label=_("Day"), widget=DATE_INPUT)
    duration = forms.TypedChoiceField(label=_("Duration"), choices=DURATION_CHOICES, coerce=int, initial=90)
    time_zone = forms.ChoiceField(label=_("Time zone of the day"), choices=TIME_ZONE_CHOICES)

    def duration_delta(self):
        return datetime.timedelta(minutes=self.cleaned_data["duration"])
