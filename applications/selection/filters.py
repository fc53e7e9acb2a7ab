"""The pipeline's filters and sorting (django-filter), all kept in the URL."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from applications.models import LabParticipant, NamedParticipant
from applications.selection.pipeline import PIPELINE_STATES
from labs.enums import LanguageCode
from members.enums import IncomeGroup, WorldRegion

YES, NO = "yes", "no"


class PipelineFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Member or person named"), method="search")
    state = django_filters.MultipleChoiceFilter(
        label=_("State"),
        choices=[(state.value, state.label) for state in PIPELINE_STATES],
        widget=forms.CheckboxSelectMultiple,
    )
    region = django_filters.ChoiceFilter(
        label=_("World region"), choices=WorldRegion.choices, field_name="member__region"
    )
    income_group = django_filters.ChoiceFilter(
        label=_("Income group"), choices=IncomeGroup.choices, field_name="member__income_group"
    )
    language = django_filters.ChoiceFilter(label=_("Working language"), choices=LanguageCode.choices, method="speaks")
    travel = django_filters.ChoiceFilter(
        label=_("Travel support asked"),
        choices=[(YES, _("Asked")), (NO, _("Not asked"))],
        method="by_travel",
    )
    sort = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=[
            ("member__name", "member"),
            ("state_rank", "state"),
            ("member__region", "region"),
            ("member__income_group", "income_group"),
            ("submitted_at", "submitted"),
            ("updated_at", "updated"),
        ],
        field_labels={
            "member__name": _("Member"),
            "state_rank": _("State"),
            "member__region": _("World region"),
            "member__income_group": _("Income group"),
            "submitted_at": _("Submitted"),
            "updated_at": _("Last change"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.form.fields.items():
            if name == "q":
                field.widget.attrs["class"] = "form-control"
                field.widget.input_type = "search"
            elif name != "state":
                field.widget.attrs["class"] = "form-select"

    @property
    def qs(self):
        # Sorting by a column keeps the member's name as the tie-breaker.
        queryset = super().qs
        ordering = list(queryset.query.order_by)
        return queryset.order_by(*ordering, "member__name", "pk") if ordering else queryset

    def search(self, queryset, name, value):
        """Every word in the member's name or the name of a person named."""
        for word in value.split():
            named = NamedParticipant.objects.filter(interest=OuterRef("pk"), name__icontains=word)
            confirmed = LabParticipant.objects.filter(interest=OuterRef("pk"), name__icontains=word)
            queryset = queryset.filter(Q(member__name__icontains=word) | Exists(named) | Exists(confirmed))
        return queryset

    def speaks(self, queryset, name, value):
        named = NamedParticipant.objects.filter(interest=OuterRef("pk"), working_language=value)
        confirmed = LabParticipant.objects.filter(interest=OuterRef("pk"), working_language=value)
        return queryset.filter(Exists(named) | Exists(confirmed))

    def by_travel(self, queryset, name, value):
        return queryset.filter(asks_travel_support=value == YES)
