import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from labs.enums import LabStatus, LanguageCode, ThemeSlug
from labs.models import KeyQuestion, OnsiteWorkshop

FUNDED, NOT_FUNDED = "yes", "no"


def onsite_country_choices(labs):
    codes = OnsiteWorkshop.objects.filter(lab__in=labs).exclude(country="").values_list("country", flat=True).distinct()
    return sorted(((code, countries.name(code)) for code in codes), key=lambda choice: str(choice[1]))


class LabFilter(django_filters.FilterSet):
    """The catalogue's filters; each narrows the others, all kept in the URL."""

    q = django_filters.CharFilter(label=_("Search"), method="search")
    theme = django_filters.ChoiceFilter(
        label=_("Theme"), choices=ThemeSlug.choices, field_name="themes__slug", empty_label=_("All themes")
    )
    language = django_filters.ChoiceFilter(
        label=_("Working language"),
        choices=LanguageCode.choices,
        field_name="working_languages__code",
        empty_label=_("All languages"),
    )
    country = django_filters.ChoiceFilter(
        label=_("Onsite country"), choices=[], method="held_in", empty_label=_("All countries")
    )
    travel = django_filters.ChoiceFilter(
        label=_("Travel support"),
        choices=[(FUNDED, _("Travel funded")), (NOT_FUNDED, _("No travel funding"))],
        method="by_travel_support",
        empty_label=_("With or without"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(status.value, status.label) for status in LabStatus.public()],
        empty_label=_("Any status"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["country"].extra["choices"] = onsite_country_choices(self.queryset)
        for name, field in self.form.fields.items():
            field.widget.attrs["class"] = "form-control" if name == "q" else "form-select"
        self.form.fields["q"].widget.input_type = "search"

    def search(self, queryset, name, value):
        """Every word must appear in the title, the summary or a key question."""
        for word in value.split():
            in_questions = KeyQuestion.objects.filter(lab=OuterRef("pk"), text__icontains=word)
            queryset = queryset.filter(Q(title__icontains=word) | Q(summary__icontains=word) | Exists(in_questions))
        return queryset

    def held_in(self, queryset, name, value):
        return queryset.filter(Exists(OnsiteWorkshop.objects.filter(lab=OuterRef("pk"), country=value)))

    def by_travel_support(self, queryset, name, value):
        if value == FUNDED:
            return queryset.filter(support_package__has_travel_support=True)
        return queryset.exclude(support_package__has_travel_support=True)

    @property
    def is_filtered(self):
        return self.is_bound and self.form.is_valid() and any(self.form.cleaned_data.values())
