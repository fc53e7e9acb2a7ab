"""The expression-of-interest form: which labs, then one section per lab with
its named participants. Saving a draft accepts empty answers; submitting
needs them all, each missing one marked at its field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from applications import conditions
from applications.models import LONG_TEXT_MAX, REASON_MAX
from labs.enums import LanguageCode
from members.enums import Gender

MAX_PEOPLE_PER_LAB = 10
YES_NO = [("True", _("Yes")), ("False", _("No"))]


class LabChoiceForm(forms.Form):
    labs = forms.ModelMultipleChoiceField(
        label=_("Labs the member is interested in"),
        queryset=None,
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick one or several labs; each one gets its own section below."),
    )

    def __init__(self, *args, labs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["labs"].queryset = labs
        self.fields["labs"].label_from_instance = str


class InterestSectionForm(forms.Form):
    """The answers for one lab. `travel_refusal` (why travel support cannot be
    asked for) removes the travel support question."""

    motivation = forms.CharField(
        label=_("Why is the member interested in this lab?"),
        max_length=LONG_TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    experience = forms.CharField(
        label=_("What experience can the member share?"),
        max_length=LONG_TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    intends_to_attend_onsite = forms.NullBooleanField(
        label=_("Do the member's participants intend to attend the onsite activities?"),
        required=False,
        widget=forms.RadioSelect(choices=YES_NO),
    )
    asks_travel_support = forms.BooleanField(
        label=_("The member asks for travel support"),
        required=False,
        help_text=_("Asking does not guarantee support: the coordinator allocates it within the lab's cap."),
    )
    acknowledged_non_binding = forms.BooleanField(
        label=_("We understand that an expression of interest neither commits the member nor ensures a place."),
        required=False,
    )

    def __init__(self, *args, submitting=False, travel_refusal=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.submitting = submitting
        self.travel_refusal = travel_refusal
        if travel_refusal:
            del self.fields["asks_travel_support"]

    def answers(self):
        answers = dict(self.cleaned_data)
        answers.setdefault("asks_travel_support", False)
        return answers

    def clean(self):
        cleaned = super().clean()
        if self.submitting:
            for field, message in conditions.missing_answers(cleaned).items():
                if field not in self.errors:
                    self.add_error(field, message)
        return cleaned


class ParticipantForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    department = forms.CharField(label=_("Department"), max_length=200, required=False)
    email = forms.EmailField(label=_("Email address"), required=False)
    working_language = forms.ChoiceField(
        label=_("Working language"), choices=[("", "—"), *LanguageCode.choices], required=False
    )
    gender = forms.ChoiceField(
        label=_("Gender (optional)"),
        choices=[("", "—"), *Gender.choices],
        required=False,
        help_text=_("Used only to balance cohorts; never shown publicly."),
    )

    def __init__(self, *args, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.submitting = submitting

    def is_blank(self):
        return not any(str(value).strip() for value in self.cleaned_data.values())

    def clean(self):
        cleaned = super().clean()
        if self.submitting and not self.is_blank():
            for field, message in conditions.missing_participant_fields(cleaned).items():
                if field not in self.errors:
                    self.add_error(field, message)
        return cleaned


class BaseParticipantFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        submitting = self.form_kwargs.get("submitting", False)
        if submitting and all(form.is_blank() for form in self.forms):
            raise forms.ValidationError(conditions.no_participant_message())

    def rows(self):
        return [form.cleaned_data for form in self.forms if not form.is_blank()]


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why does the member withdraw?"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The lab's coordinator reads it; the interest and its history are kept."),
        error_messages={"required": _("Say why the member withdraws.")},
    )
