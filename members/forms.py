import zoneinfo

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from members.enums import Language
from members.models import LinkRequest, Member, User
from members.roles import MEMBER_ROLE_CHOICES

TIME_ZONE_CHOICES = [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=TIME_ZONE_CHOICES,
        help_text=_("Dates and times in the portal are shown in this time zone."),
    )

    class Meta:
        model = User
        fields = ["name", "position", "department", "preferred_language", "time_zone", "gender"]


class MemberForm(forms.ModelForm):
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=TIME_ZONE_CHOICES)

    class Meta:
        model = Member
        fields = ["name", "country", "region", "income_group", "income_group_year", "status", "kind", "time_zone"]


class InvitationForm(forms.Form):
    """Not a ModelForm: inviting the same address to the same member and role
    again is allowed (it refreshes the invitation), not a uniqueness error."""

    email = forms.EmailField(label=_("Email address"))
    member = forms.ModelChoiceField(label=_("Member"), queryset=Member.objects.all())
    role = forms.ChoiceField(label=_("Role"), choices=MEMBER_ROLE_CHOICES)
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=Language.choices,
        help_text=_("The email and the new account use this language."),
    )

    def clean(self):
        from members.services import invitation_conflict

        cleaned = super().clean()
        if cleaned.get("email") and cleaned.get("member"):
            conflict = invitation_conflict(email=cleaned["email"], member=cleaned["member"])
            if conflict:
                self.add_error("email", conflict)
        return cleaned


class SetPasswordForm(forms.Form):
    """The invited person's name and new password (checked by AUTH_PASSWORD_VALIDATORS)."""

    name = forms.CharField(label=_("Full name"), max_length=200)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password (again)"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ."))
        elif password1:
            candidate = User(email=self.email, name=cleaned.get("name", ""))
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class LinkRequestForm(forms.ModelForm):
    role = forms.ChoiceField(label=_("I would act as"), choices=MEMBER_ROLE_CHOICES)

    class Meta:
        model = LinkRequest
        fields = ["member", "role", "message"]
        labels = {"member": _("Member government"), "message": _("Message to the reviewer")}
        help_texts = {"message": _("Optional: your position and who at the member can confirm it.")}
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}


class LinkDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("approve", _("Approve")), ("refuse", _("Refuse"))], widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note to the person"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown to the person, for example the reason of a refusal."),
    )


class MemberImportForm(forms.Form):
    file = forms.FileField(
        label=_("Member list (CSV or XLSX)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and personal data are deleted at once and cannot be restored."),
    )

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.person.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password
