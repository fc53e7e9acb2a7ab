"""A lab's cohort and its balance.

The cohort: the lab's interests that are pre-selected, invited or accepted,
except those on the waiting list. Its balance: members per world region and
income group, people per working language and gender (people_of: those named
after acceptance, else those named in the expression of interest), and the
members asking for funded travel against the lab's cap and eligibility.

Warnings:
- funding: more members of the cohort ask for travel support, and are
  eligible for it, than the lab's cap of funded members;
- ineligible: members of the cohort ask for travel support they are not
  eligible for (or the lab funds none);
- unrepresented: a world region (or a working language) that some candidate
  comes from (or whose people work in) has nobody in the cohort. Candidates
  are the lab's submitted interests but those withdrawn or declined
  (applications.enums.CANDIDATES), so members not selected still count;
- size: the cohort is larger than the lab's target cohort size.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from applications import conditions
from applications.enums import CANDIDATES, IN_COHORT
from applications.models import Interest, LabParticipant, NamedParticipant
from applications.selection.pipeline import people_of, pipeline_interests
from labs.enums import LanguageCode
from labs.services import is_member_eligible_for_travel
from labs.wording import join_words
from members.enums import Gender, IncomeGroup, WorldRegion

NOT_GIVEN = ""


def cohort_of(*, lab):
    return pipeline_interests(lab=lab).filter(state__in=IN_COHORT, waiting__isnull=True)


@dataclass(frozen=True)
class Candidate:
    """What the balance needs of a candidate: its member's region and its people's working languages."""

    region: str
    languages: frozenset


def candidates_of(*, lab):
    """The lab's candidates (CANDIDATES), read as plain values in three queries:
    a lab may have a thousand of them, and the balance needs only this much."""
    interests = Interest.objects.filter(lab=lab, submitted_at__isnull=False, state__in=CANDIDATES)
    regions = dict(interests.values_list("pk", "member__region"))
    confirmed, named = {}, {}
    people = [
        (confirmed, LabParticipant.objects.filter(interest__in=interests)),
        (named, NamedParticipant.objects.filter(interest__in=interests)),
    ]
    for languages, rows in people:
        for interest_id, language in rows.values_list("interest_id", "working_language"):
            languages.setdefault(interest_id, set()).add(language)
    # people_of: those named after acceptance, else those named in the expression of interest.
    return [
        Candidate(
            region=region,
            languages=frozenset(code for code in confirmed.get(pk, named.get(pk, ())) if code),
        )
        for pk, region in regions.items()
    ]


@dataclass
class Balance:
    size: int
    target: int | None
    regions: dict
    income_groups: dict
    languages: dict
    genders: dict
    travel_asked: int
    travel_eligible: int
    travel_ineligible: int
    cap: int | None
    unrepresented_regions: list
    unrepresented_languages: list
    warnings: list = field(default_factory=list)

    @property
    def over_cap(self):
        return self.cap is not None and self.travel_eligible > self.cap


def balance_of(*, lab, cohort, candidates):
    """The balance figures of `cohort` (interests with member and people
    loaded) among `candidates` (candidates_of); no query beyond the lab's
    support package."""
    package = conditions.support_package(lab)
    regions = Counter(interest.member.region for interest in cohort)
    people = [person for interest in cohort for person in people_of(interest)]
    languages = Counter(person.working_language for person in people if person.working_language)
    asking = [interest for interest in cohort if interest.asks_travel_support]
    eligible = [i for i in asking if is_member_eligible_for_travel(package=package, member=i.member)]
    wanted_regions = {candidate.region for candidate in candidates}
    wanted_languages = {code for candidate in candidates for code in candidate.languages}
    balance = Balance(
        size=len(cohort),
        target=lab.target_cohort_size,
        regions={region: regions[region] for region in WorldRegion},
        income_groups=dict(Counter(interest.member.income_group for interest in cohort)),
        languages={code: languages[code] for code in LanguageCode if languages[code]},
        genders=dict(Counter(person.gender or NOT_GIVEN for person in people)),
        travel_asked=len(asking),
        travel_eligible=len(eligible),
        travel_ineligible=len(asking) - len(eligible),
        cap=package.max_funded_members if package is not None and package.has_travel_support else None,
        unrepresented_regions=[region for region in WorldRegion if region in wanted_regions and not regions[region]],
        unrepresented_languages=[code for code in LanguageCode if code in wanted_languages and not languages[code]],
    )
    balance.income_groups = {group: balance.income_groups.get(group, 0) for group in IncomeGroup}
    balance.genders = {gender: balance.genders.get(gender, 0) for gender in [*Gender, NOT_GIVEN]}
    balance.warnings = warnings_of(balance)
    return balance


def warnings_of(balance):
    warnings = []
    if balance.over_cap:
        warnings.append(
            _(
                "%(count)s members of the cohort ask for funded travel and are eligible for it, "
                "but the lab funds at most %(cap)s."
            )
            % {"count": balance.travel_eligible, "cap": balance.cap}
        )
    if balance.travel_ineligible:
        warnings.append(
            ngettext(
                "%(count)s member of the cohort asks for travel support it is not eligible for.",
                "%(count)s members of the cohort ask for travel support they are not eligible for.",
                balance.travel_ineligible,
            )
            % {"count": balance.travel_ineligible}
        )
    if balance.unrepresented_regions:
        warnings.append(
            _("Nobody in the cohort comes from %(regions)s, where other candidates come from.")
            % {"regions": join_words([WorldRegion(region).label for region in balance.unrepresented_regions])}
        )
    if balance.unrepresented_languages:
        warnings.append(
            _("Nobody in the cohort works in %(languages)s, as people of other candidates do.")
            % {"languages": join_words([LanguageCode(code).label for code in balance.unrepresented_languages])}
        )
    if balance.target and balance.size > balance.target:
        warnings.append(
            _("The cohort has %(size)s members, more than the lab's target of %(target)s.")
            % {"size": balance.size, "target": balance.target}
        )
    return warnings
