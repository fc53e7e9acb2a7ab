"""Demo members and people for `manage.py load_demo` (idempotent).

The members are real metropolitan governments of every world region. Their
income group is their country's World Bank classification of July 2024 (the
bank's fiscal year 2025), recorded as classification year 2024.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP

from members.enums import IncomeGroup, Language, MemberKind, WorldRegion
from members.models import LinkRequest, Member, User
from members.roles import Role, grant_role

# bandit: the demo password is published in the README on purpose.
DEMO_PASSWORD = "solutions-labs-demo"  # nosec B105
# The demo staff's authenticator-app secret (base32), published in the README
# like the password: `oathtool --totp -b <secret>` gives the current code.
DEMO_TOTP_SECRET = "SOLUTIONSLABSDEMOSECRETKEYXYZ234"  # nosec B105
DEMO_STAFF_ROLES = (Role.SECRETARIAT, Role.COORDINATOR)
CLASSIFICATION_YEAR = 2024

AFRICA, ASIA, EUROPE = WorldRegion.AFRICA, WorldRegion.ASIA_PACIFIC, WorldRegion.EUROPE
LATIN, MIDDLE_EAST, NORTH = WorldRegion.LATIN_AMERICA, WorldRegion.MIDDLE_EAST, WorldRegion.NORTH_AMERICA
LOW, LOWER, UPPER, HIGH = IncomeGroup.LOW, IncomeGroup.LOWER_MIDDLE, IncomeGroup.UPPER_MIDDLE, IncomeGroup.HIGH
CITY, METRO, REGIONAL = MemberKind.CITY, MemberKind.METROPOLITAN_AUTHORITY, MemberKind.REGIONAL_GOVERNMENT

# (name, country, region, income group, kind, time zone)
DEMO_MEMBERS = [
    ("Autonomous District of Abidjan", "CI", AFRICA, LOWER, METRO, "Africa/Abidjan"),
    ("City of Dakar", "SN", AFRICA, LOWER, CITY, "Africa/Dakar"),
    ("Addis Ababa City Administration", "ET", AFRICA, LOW, CITY, "Africa/Addis_Ababa"),
    ("Gauteng Provincial Government", "ZA", AFRICA, UPPER, REGIONAL, "Africa/Johannesburg"),
    ("City of Johannesburg", "ZA", AFRICA, UPPER, CITY, "Africa/Johannesburg"),
    ("eThekwini Municipality", "ZA", AFRICA, UPPER, CITY, "Africa/Johannesburg"),
    ("Rabat", "MA", AFRICA, LOWER, CITY, "Africa/Casablanca"),
    ("Tunis", "TN", AFRICA, LOWER, CITY, "Africa/Tunis"),
    ("Seoul Metropolitan Government", "KR", ASIA, HIGH, CITY, "Asia/Seoul"),
    ("Guangzhou", "CN", ASIA, UPPER, CITY, "Asia/Shanghai"),
    ("Chengdu", "CN", ASIA, UPPER, CITY, "Asia/Shanghai"),
    ("Kolkata Metropolitan Development Authority", "IN", ASIA, LOWER, METRO, "Asia/Kolkata"),
    ("Jakarta", "ID", ASIA, UPPER, REGIONAL, "Asia/Jakarta"),
    ("Kuala Lumpur City Hall", "MY", ASIA, UPPER, CITY, "Asia/Kuala_Lumpur"),
    ("Bangkok Metropolitan Administration", "TH", ASIA, UPPER, METRO, "Asia/Bangkok"),
    ("Metropolitan Area of Barcelona", "ES", EUROPE, HIGH, METRO, "Europe/Madrid"),
    ("Barcelona City Council", "ES", EUROPE, HIGH, CITY, "Europe/Madrid"),
    ("Berlin", "DE", EUROPE, HIGH, REGIONAL, "Europe/Berlin"),
    ("Brussels-Capital Region", "BE", EUROPE, HIGH, REGIONAL, "Europe/Brussels"),
    ("Paris Region (Île-de-France)", "FR", EUROPE, HIGH, REGIONAL, "Europe/Paris"),
    ("Istanbul Metropolitan Municipality", "TR", EUROPE, UPPER, METRO, "Europe/Istanbul"),
    ("Bogotá", "CO", LATIN, UPPER, CITY, "America/Bogota"),
    ("Mexico City", "MX", LATIN, UPPER, CITY, "America/Mexico_City"),
    ("Guadalajara Metropolitan Area", "MX", LATIN, UPPER, METRO, "America/Mexico_City"),
    ("São Paulo", "BR", LATIN, UPPER, CITY, "America/Sao_Paulo"),
    ("Buenos Aires City", "AR", LATIN, UPPER, CITY, "America/Argentina/Buenos_Aires"),
    ("Quito Metropolitan District", "EC", LATIN, UPPER, CITY, "America/Guayaquil"),
    ("Montevideo", "UY", LATIN, HIGH, CITY, "America/Montevideo"),
    ("Mashhad", "IR", MIDDLE_EAST, UPPER, CITY, "Asia/Tehran"),
    ("Tehran", "IR", MIDDLE_EAST, UPPER, CITY, "Asia/Tehran"),
    ("Montréal", "CA", NORTH, HIGH, CITY, "America/Toronto"),
]

# (email, name, role or None, member name or None, language, time zone)
DEMO_PEOPLE = [
    ("admin@solutionslabs.example", "Ada Secretariat", Role.SECRETARIAT, None, Language.ENGLISH, "Europe/Madrid"),
    ("coordinator@solutionslabs.example", "Carla Coordinator", Role.COORDINATOR, None, Language.SPANISH, "UTC"),
    ("focal.point@bogota.example", "Felipe Focal", Role.FOCAL_POINT, "Bogotá", Language.SPANISH, "America/Bogota"),
    ("participant@bogota.example", "Paula Participant", Role.PARTICIPANT, "Bogotá", Language.SPANISH, "America/Bogota"),
    ("focal.point@dakar.example", "Aminata Focal", Role.FOCAL_POINT, "City of Dakar", Language.FRENCH, "Africa/Dakar"),
    ("newcomer@bogota.example", "Nico Newcomer", None, None, Language.SPANISH, "America/Bogota"),
]


def load(stdout):
    for name, country, region, income_group, kind, time_zone in DEMO_MEMBERS:
        Member.objects.update_or_create(
            name=name,
            defaults={
                "country": country,
                "region": region,
                "income_group": income_group,
                "income_group_year": CLASSIFICATION_YEAR,
                "kind": kind,
                "time_zone": time_zone,
            },
        )
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
        if role:
            grant_role(person, role)
        if role in DEMO_STAFF_ROLES:
            give_demo_second_factor(person)
        EmailAddress.objects.update_or_create(user=person, email=email, defaults={"verified": True, "primary": True})
    newcomer = User.objects.get(email="newcomer@bogota.example")
    LinkRequest.objects.get_or_create(
        person=newcomer,
        member=Member.objects.get(name="Bogotá"),
        defaults={
            "role": Role.PARTICIPANT,
            "message": "Urban mobility advisor at the Secretaría Distrital de Movilidad.",
        },
    )
    stdout.write(f"Demo members: {Member.objects.count()}; demo people: {len(DEMO_PEOPLE)}.")


def give_demo_second_factor(person):
    """An authenticator app with the published secret, and recovery codes."""
    if not Authenticator.objects.filter(user=person, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(person, DEMO_TOTP_SECRET)
    RecoveryCodes.activate(person)


def describe_accounts():
    """Lines for `make run`: who can sign in, with which role."""
    return [
        f"  {email:40} {(role.label if role else '—'):18} {member or ''}"
        for email, _n, role, member, _l, _t in DEMO_PEOPLE
    ]
