import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from members.enums import IncomeGroup, MembershipStatus, WorldRegion
from members.models import Member


class MemberFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    region = django_filters.ChoiceFilter(label=_("World region"), choices=WorldRegion.choices)
    income_group = django_filters.ChoiceFilter(label=_("Income group"), choices=IncomeGroup.choices)
    status = django_filters.ChoiceFilter(label=_("Membership status"), choices=MembershipStatus.choices)

    class Meta:
        model = Member
        fields = ["q", "region", "income_group", "status"]

    def search(self, queryset, name, value):
        """Matches the member's name, or its country's two-letter code."""
        value = value.strip()
        return queryset.filter(Q(name__icontains=value) | Q(country__iexact=value))
