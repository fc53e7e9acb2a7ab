from django import forms
from django.utils.translation import gettext_lazy as _

from labs.enums import ProposalStatus
from labs.models import LabProposal, SupportPackage, Theme, WorkingLanguage
from members.enums import IncomeGroup


class LabProposalForm(forms.ModelForm):
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=Theme.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    languages = forms.ModelMultipleChoiceField(
        label=_("Languages the lab could work in"),
        queryset=WorkingLanguage.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = LabProposal
        fields = ["title", "themes", "challenge", "proposed_host", "languages"]
        help_texts = {
            "challenge": _("The metropolitan challenge the lab would work on, and why it matters now."),
            "proposed_host": _("A member or partner that could host or sponsor the lab, if you know one."),
        }


class ProposalOutcomeForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Outcome"),
        choices=[(status.value, status.label) for status in ProposalStatus.outcomes()],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the proposer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The proposer sees this note with the outcome."),
    )


class SupportPackageAdminForm(forms.ModelForm):
    eligible_income_groups = forms.MultipleChoiceField(
        label=_("Eligible income groups"),
        choices=IncomeGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked means members of every income group."),
    )

    class Meta:
        model = SupportPackage
        fields = [
            "has_travel_support",
            "airfare",
            "accommodation_nights",
            "local_transport",
            "meals",
            "event_pass",
            "representatives_per_member",
            "max_funded_members",
            "eligible_income_groups",
            "cap_scope",
        ]
