import pytest
from django.utils import translation

from labs.enums import CapScope
from members.enums import IncomeGroup
from members.roles import Role
from tests.events.factories import make_participant
from tests.factories import MemberFactory, UserFactory
from tests.labs.factories import LabFactory, SupportPackageFactory


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def lab_coordinator(db):
    return UserFactory(email="carla@secretariat.example", name="Carla Coordinator", role=Role.COORDINATOR)


@pytest.fixture
def other_coordinator(db):
    return UserFactory(email="otto@secretariat.example", name="Otto Coordinator", role=Role.COORDINATOR)


@pytest.fixture
def lab(lab_coordinator):
    """SL9: airfare, 3 nights, local transport and meals for one representative
    of up to 2 members of low or middle income countries."""
    lab = LabFactory(code="SL9", title="Supporting Caregivers")
    lab.coordinators.add(lab_coordinator)
    SupportPackageFactory(
        lab=lab,
        max_funded_members=2,
        eligible_income_groups=[IncomeGroup.LOW, IncomeGroup.LOWER_MIDDLE, IncomeGroup.UPPER_MIDDLE],
        cap_scope=CapScope.WHOLE_PACKAGE,
    )
    return lab


@pytest.fixture
def bogota(db):
    return MemberFactory(name="Bogotá", country="CO", income_group=IncomeGroup.UPPER_MIDDLE, time_zone="America/Bogota")


@pytest.fixture
def dakar(db):
    return MemberFactory(name="Dakar", country="SN", income_group=IncomeGroup.LOWER_MIDDLE, time_zone="Africa/Dakar")


@pytest.fixture
def paris(db):
    return MemberFactory(name="Paris", country="FR", income_group=IncomeGroup.HIGH, time_zone="Europe/Paris")


@pytest.fixture
def laura(lab, bogota):
    """Bogotá's participant, who reads Spanish."""
    return make_participant(
        lab=lab,
        member=bogota,
        email="laura@bogota.example",
        name="Laura Gómez",
        time_zone="America/Bogota",
        preferred_language="es",
        role=Role.PARTICIPANT,
    )


@pytest.fixture
def awa(lab, dakar):
    """Dakar's participant, who reads French."""
    return make_participant(
        lab=lab,
        member=dakar,
        email="awa@dakar.example",
        name="Awa Ndiaye",
        time_zone="Africa/Dakar",
        preferred_language="fr",
        role=Role.PARTICIPANT,
    )


@pytest.fixture
def bogota_colleague(lab, bogota, laura):
    """A second participant named by Bogotá in the same interest."""
    interest = laura.named_participations.get().interest
    return make_participant(
        lab=lab, interest=interest, email="pedro@bogota.example", name="Pedro Ruiz", role=Role.PARTICIPANT
    )
