"""The 2024 catalogue as demo data, for `manage.py load_demo` (idempotent)."""

from labs.demo_data import EDITION, LABS
from labs.enums import LabStatus
from labs.models import Edition, KeyQuestion, Lab, OnsiteWorkshop, SupportPackage, Theme, WorkingLanguage
from members.models import User

DEMO_COORDINATOR = "coordinator@solutionslabs.example"
WORKSHOP_DEFAULTS = {"starts_on": None, "ends_on": None, "outside_event": "", "language": "", "alternative_group": None}
SUPPORT_DEFAULTS = {
    "airfare": False,
    "accommodation_nights": 0,
    "local_transport": False,
    "meals": False,
    "event_pass": False,
    "representatives_per_member": 1,
    "max_funded_members": None,
    "eligible_income_groups": [],
    "cap_scope": "whole_package",
}


def load(stdout):
    edition, _created = Edition.objects.update_or_create(title=EDITION["title"], defaults=EDITION)
    coordinator = User.objects.filter(email=DEMO_COORDINATOR).first()
    for position, facts in enumerate(LABS, start=1):
        lab = save_lab(edition=edition, position=position, facts=facts)
        if coordinator:
            lab.coordinators.add(coordinator)
    stdout.write(f"Demo catalogue: {edition.title}, {len(LABS)} labs.")


def save_lab(*, edition, position, facts):
    interpretation_language, to_be_confirmed = facts.get("interpretation", ("", False))
    low, high = facts["online_discussions"]
    lab, _created = Lab.objects.update_or_create(
        code=facts["code"],
        defaults={
            "edition": edition,
            "position": position,
            "title": facts["title"],
            "interpretation_language": interpretation_language,
            "interpretation_to_be_confirmed": to_be_confirmed,
            "partners": "\n".join(facts["partners"]),
            "summary": facts["summary"],
            "target_participants": facts["target_participants"],
            "number_of_online_discussions": low,
            "max_online_discussions": high,
            "other_activities": facts.get("other_activities", ""),
            "commitment": facts["commitment"],
            "what_is_included": facts["what_is_included"],
            "estimated_timeline": facts["estimated_timeline"],
            "status": LabStatus.OPEN,
        },
    )
    lab.themes.set(Theme.objects.filter(slug__in=facts["themes"]))
    lab.working_languages.set(WorkingLanguage.objects.filter(code__in=facts["languages"]))
    for number, text in enumerate(facts["key_questions"], start=1):
        KeyQuestion.objects.update_or_create(lab=lab, position=number, defaults={"text": text})
    lab.key_questions.filter(position__gt=len(facts["key_questions"])).delete()
    for number, workshop in enumerate(facts["workshops"], start=1):
        OnsiteWorkshop.objects.update_or_create(lab=lab, position=number, defaults={**WORKSHOP_DEFAULTS, **workshop})
    lab.workshops.filter(position__gt=len(facts["workshops"])).delete()
    package = SupportPackage.objects.filter(lab=lab).first() or SupportPackage(lab=lab)
    for field, value in {**SUPPORT_DEFAULTS, **facts["support"]}.items():
        setattr(package, field, value)
    package.full_clean()
    package.save()
    return lab
