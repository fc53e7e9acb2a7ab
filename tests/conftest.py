import pytest

from config.celery import app as celery_app
from members.roles import Role
from tests.factories import MemberFactory, UserFactory


@pytest.fixture(autouse=True)
def eager_celery(request):
    """Tasks run in-process in tests, unless a test is marked `services`
    (those talk to the real broker and worker of CI). Set explicitly either
    way, so that no test depends on what an earlier one left behind."""
    eager = not request.node.get_closest_marker("services")
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = eager
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def fresh_cache():
    """allauth's rate limits and the cached pages live in the cache: each test
    starts with none used, and with no visitor's page kept in the process."""
    from django.core.cache import cache

    from config.page_cache import visitor_pages

    cache.clear()
    visitor_pages.clear()
    yield
    cache.clear()
    visitor_pages.clear()


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    """Uploaded private documents (events) go to a folder of the test's own, never under var/."""
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")


@pytest.fixture
def member_a(db):
    return MemberFactory(name="Member A")


@pytest.fixture
def member_b(db):
    return MemberFactory(name="Member B")


@pytest.fixture
def secretariat_admin(db):
    return UserFactory(email="admin@example.org", role=Role.SECRETARIAT, is_staff=True)


@pytest.fixture
def coordinator(db):
    return UserFactory(email="coordinator@example.org", role=Role.COORDINATOR)


@pytest.fixture
def focal_point_a(member_a):
    return UserFactory(email="focal.a@example.org", member=member_a, role=Role.FOCAL_POINT)


@pytest.fixture
def focal_point_b(member_b):
    return UserFactory(email="focal.b@example.org", member=member_b, role=Role.FOCAL_POINT)


@pytest.fixture
def participant_a(member_a):
    return UserFactory(email="participant.a@example.org", member=member_a, role=Role.PARTICIPANT)


@pytest.fixture
def person_without_member(db):
    return UserFactory(email="newcomer@example.org")
