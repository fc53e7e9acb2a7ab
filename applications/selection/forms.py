"""Forms of selection. Their errors show at their fields, in the reader's
language; the services check the same rules again."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.models import REASON_MAX, Conversation
from applications.selection.decisions import DECISIONS
from labs.enums import LanguageCode
from members.enums import Gender

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
REASON_HELP = _("Kept in the history, for the Secretariat; the member does not see it.")
MESSAGE_HELP = _("Optional. The member's focal points see it and receive it by email.")


def end_of_day(date):
    """The last second of `date` in the current time zone (the viewer's)."""
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(23, 59, 59)))


class DecisionFields(forms.Form):
    to = forms.ChoiceField(label=_("New state"), choices=[])
    reason = forms.CharField(
        label=_("Reason"),
        max_length=REASON_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=REASON_HELP,
    )
    message = forms.CharField(
        label=_("Message to the member"),
        max_length=REASON_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=MESSAGE_HELP,
    )

    def __init__(self, *args, targets=DECISIONS, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [("", "—"), *((state.value, state.label) for state in targets)]


class BulkDecisionForm(DecisionFields):
    """The pipeline's ticked rows; `action` says whether to change their state
    or to send the not-selected notice."""

    interests = forms.ModelMultipleChoiceField(queryset=None, required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, interests, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interests"].queryset = interests
        self.fields["to"].required = False

    def clean_interests(self):
        interests = self.cleaned_data["interests"]
        if not interests:
            raise forms.ValidationError(_("Tick at least one member."))
        return interests


class ConversationForm(forms.ModelForm):
    class Meta:
        model = Conversation
        fields = ["held_on", "channel", "notes", "next_step", "follow_up_on"]
        widgets = {"held_on": DATE, "follow_up_on": DATE, "notes": forms.Textarea(attrs={"rows": 4})}

    def clean(self):
        cleaned = super().clean()
        held_on, follow_up_on = cleaned.get("held_on"), cleaned.get("follow_up_on")
        if held_on and follow_up_on and follow_up_on < held_on:
            self.add_error("follow_up_on", _("The follow-up cannot come before the conversation."))
        return cleaned


class DeadlineField(forms.DateField):
    def __init__(self, **kwargs):
        super().__init__(label=_("Answer by"), widget=DATE, **kwargs)

    def validate(self, value):
        super().validate(value)
        if value and value < timezone.localdate():
            raise forms.ValidationError(_("Give a date from today on."))


class InviteForm(forms.Form):
    interests = forms.ModelMultipleChoiceField(
        label=_("Pre-selected members to invite"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    deadline = DeadlineField()

    def __init__(self, *args, interests, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interests"].queryset = interests
        self.fields["interests"].label_from_instance = lambda interest: interest.member.name


class InviteNextForm(forms.Form):
    deadline = DeadlineField()


class AcceptForm(forms.Form):
    """One box per commitment of the invitation; every one must be ticked."""

    def __init__(self, *args, commitments, **kwargs):
        super().__init__(*args, **kwargs)
        for key, text in commitments:
            self.fields[key] = forms.BooleanField(
                label=text, error_messages={"required": _("Tick this commitment to accept the invitation.")}
            )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why does the member decline?"), max_length=REASON_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )


class ParticipantForm(forms.Form):
    """One of the member's people, or someone new (name and email needed)."""

    person = forms.ChoiceField(label=_("One of your member's people"), required=False)
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    email = forms.EmailField(label=_("Email address"), required=False)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    department = forms.CharField(label=_("Department"), max_length=200, required=False)
    working_language = forms.ChoiceField(
        label=_("Working language"), choices=[("", "—"), *LanguageCode.choices], required=False
    )
    gender = forms.ChoiceField(
        label=_("Gender (optional)"),
        choices=[("", "—"), *Gender.choices],
        required=False,
        help_text=_("Used only to balance cohorts; never shown publicly."),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(person.pk): person for person in people}
        choices = [(pk, f"{person.get_full_name()} ({person.email})") for pk, person in self.people.items()]
        self.fields["person"].choices = [("", _("Someone new (fill in below)")), *choices]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("person"):
            return cleaned
        for name in ("name", "email"):
            if not cleaned.get(name) and name not in self.errors:
                self.add_error(name, _("This field is required for someone new."))
        return cleaned

    def chosen_person(self):
        return self.people.get(self.cleaned_data.get("person") or "")

    def details(self):
        return {
            name: self.cleaned_data.get(name, "")
            for name in ("name", "email", "position", "department", "working_language", "gender")
        }
