import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _

from members.models import User

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
