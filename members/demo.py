"""Demo people and members for `manage.py load_demo` (idempotent)."""

from allauth.account.models import EmailAddress

from members.enums import IncomeGroup, Language, MemberKind, WorldRegion
from members.models import Member, User
from members.roles import Role, grant_role

# bandit: the demo password is published in the README on purpose.
DEMO_PASSWORD = "solutions-labs-demo"  # nosec B105

DEMO_MEMBERS = [
    {
        "name": "Metropolitan Area of Barcelona",
        "country": "ES",
        "region": WorldRegion.EUROPE,
        "income_group": IncomeGroup.HIGH,
        "kind": MemberKind.METROPOLITAN_AUTHORITY,
        "time_zone": "Europe/Madrid",
    },
    {
        "name": "Bogotá",
        "country": "CO",
        "region": WorldRegion.LATIN_AMERICA,
        "income_group": IncomeGroup.UPPER_MIDDLE,
        "kind": MemberKind.CITY,
        "time_zone": "America/Bogota",
    },
]

# (email, name, role, member name or None, language, time zone)
DEMO_PEOPLE = [
    ("admin@solutionslabs.example", "Ada Secretariat", Role.SECRETARIAT, None, Language.ENGLISH, "Europe/Madrid"),
    ("coordinator@solutionslabs.example", "Carla Coordinator", Role.COORDINATOR, None, Language.SPANISH, "UTC"),
    ("focal.point@bogota.example", "Felipe Focal", Role.FOCAL_POINT, "Bogotá", Language.SPANISH, "America/Bogota"),
    ("participant@bogota.example", "Paula Participant", Role.PARTICIPANT, "Bogotá", Language.SPANISH, "America/Bogota"),
]


def load(stdout):
    for fields in DEMO_MEMBERS:
        Member.objects.update_or_create(name=fields["name"], defaults=fields)
    for email, name, role, member_name, language, time_zone in DEMO_PEOPLE:
        member = Member.objects.get(name=member_name) if member_name else None
        person, created = User.objects.update_or_create(
            email=email,
            defaults={
                "name": name,
                "member": member,
                "preferred_language": language,
                "time_zone": time_zone,
                "is_staff": role == Role.SECRETARIAT,
                "is_superuser": role == Role.SECRETARIAT,
            },
        )
        if created:
            person.set_password(DEMO_PASSWORD)
            person.save(update_fields=["password"])
        grant_role(person, role)
        EmailAddress.objects.update_or_create(user=person, email=email, defaults={"verified": True, "primary": True})
    stdout.write(f"Demo members: {Member.objects.count()}; demo people: {len(DEMO_PEOPLE)}.")


def describe_accounts():
    """Lines for `make run`: who can sign in, with which role."""
    return [f"  {email:40} {role.label:18} {member or ''}" for email, _n, role, member, _l, _t in DEMO_PEOPLE]
