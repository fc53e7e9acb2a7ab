import datetime

import pytest
from django.utils import timezone, translation

from members.roles import Role
from tests.factories import UserFactory
from tests.labs.factories import LabFactory, SupportPackageFactory


@pytest.fixture(autouse=True)
def in_english():
    """Code called directly by a test reads English unless the test says otherwise."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def in_days(days):
    return timezone.now().date() + datetime.timedelta(days=days)


@pytest.fixture
def lab_coordinator(db):
    return UserFactory(email="carla@secretariat.example", name="Carla Coordinator", role=Role.COORDINATOR)


@pytest.fixture
def lab(lab_coordinator):
    """SL6: open, deadline in 30 days, travel support for every member."""
    lab = LabFactory(code="SL6", title="Social Cohesion", interest_deadline=in_days(30))
    lab.coordinators.add(lab_coordinator)
    SupportPackageFactory(lab=lab)
    return lab


@pytest.fixture
def other_lab(db):
    """SL7: open, no deadline, no travel support."""
    return LabFactory(code="SL7", title="Housing")


@pytest.fixture
def colleague_a(member_a):
    """A second focal point of member A, who reads Spanish."""
    return UserFactory(
        email="colega.a@example.org", name="Colega", member=member_a, role=Role.FOCAL_POINT, preferred_language="es"
    )
