"""Forms of travel support: the coordinator's offer and decisions, the participant's answer."""

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from events.forms import DATE_INPUT
from events.models import Session
from events.support_rules import SupportItems
from members.models import User

ITEM_FIELDS = ["airfare", "accommodation_nights", "local_transport", "meals", "event_pass"]


class SupportItemsForm(forms.Form):
    airfare = forms.BooleanField(label=_("Airfare"), required=False)
    accommodation_nights = forms.IntegerField(label=_("Nights of accommodation"), min_value=0, initial=0)
    local_transport = forms.BooleanField(label=_("Local transport"), required=False)
    meals = forms.BooleanField(label=_("Meals"), required=False)
    event_pass = forms.BooleanField(label=_("Event pass"), required=False)

    def __init__(self, *args, package=None, **kwargs):
        super().__init__(*args, **kwargs)
        if package is not None:
            nights = self.fields["accommodation_nights"]
            nights.validators.append(MaxValueValidator(package.accommodation_nights))
            nights.widget.attrs["max"] = package.accommodation_nights
            nights.help_text = _("At most %(count)s in this lab's package.") % {"count": package.accommodation_nights}

    def items(self):
        return SupportItems(**{name: self.cleaned_data[name] for name in ITEM_FIELDS})


class OfferForm(SupportItemsForm):
    participant = forms.ModelChoiceField(label=_("Participant"), queryset=User.objects.none())
    session = forms.ModelChoiceField(label=_("Onsite session"), queryset=Session.objects.none())
    field_order = ["participant", "session", *ITEM_FIELDS]

    def __init__(self, *args, participants, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].queryset = participants
        self.fields["session"].queryset = sessions


class AcceptForm(forms.Form):
    arrival_date = forms.DateField(label=_("Arrival date"), widget=DATE_INPUT)
    departure_date = forms.DateField(label=_("Departure date"), widget=DATE_INPUT)
    departure_city = forms.CharField(label=_("City you travel from"), max_length=100)
    dietary_needs = forms.CharField(label=_("Dietary needs"), max_length=300, required=False)
    access_needs = forms.CharField(label=_("Access needs"), max_length=300, required=False)


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=1000)


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Why is it cancelled?"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)
