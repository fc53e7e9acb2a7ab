"""Demo expressions of interest for `manage.py load_demo` (idempotent): Bogotá
has submitted one (SL6) and keeps a draft (SL3); Dakar has submitted one (SL6).
Runs after the members and the catalogue; made through the services, so the
history and the messages are what the portal itself would make."""

from applications import services
from labs.models import Lab
from members.models import User

PARTICIPANT = {"position": "Director of social policy", "department": "Social Integration", "gender": ""}

# (focal point, lab, submit?, answers, named participants)
DEMO_INTERESTS = [
    (
        "focal.point@bogota.example",
        "SL6",
        True,
        {
            "motivation": "Bogotá is building a care system that brings services closer to neighbourhoods.",
            "experience": "Our District Care System: 20 care blocks opened since 2020.",
            "intends_to_attend_onsite": True,
            "asks_travel_support": True,
            "acknowledged_non_binding": True,
        },
        [{"name": "Laura Gómez", "email": "laura.gomez@bogota.example", "working_language": "es", **PARTICIPANT}],
    ),
    (
        "focal.point@bogota.example",
        "SL3",
        False,
        {"motivation": "Air quality is a priority of the new development plan."},
        [],
    ),
    (
        "focal.point@dakar.example",
        "SL6",
        True,
        {
            "motivation": "Dakar wants to learn how other cities foster living together.",
            "experience": "Neighbourhood committees in every commune of the city.",
            "intends_to_attend_onsite": True,
            "asks_travel_support": True,
            "acknowledged_non_binding": True,
        },
        [{"name": "Awa Ndiaye", "email": "awa.ndiaye@dakar.example", "working_language": "fr", **PARTICIPANT}],
    ),
]


def load(stdout):
    made = 0
    for email, code, submit, answers, participants in DEMO_INTERESTS:
        focal_point = User.objects.filter(email=email).select_related("member").first()
        lab = Lab.objects.filter(code=code).first()
        if focal_point is None or lab is None:
            continue
        if services.existing_interest(member=focal_point.member, lab=lab) is not None:
            continue
        save = services.submit_interest if submit else services.save_draft
        save(member=focal_point.member, lab=lab, by=focal_point, answers=answers, participants=participants)
        made += 1
    stdout.write(f"Demo expressions of interest: {made} added.")
