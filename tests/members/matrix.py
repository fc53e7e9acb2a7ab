"""The permission matrix: its vocabulary, its cast, and the rows of the members app.

tests/test_permission_matrix.py walks every URL pattern of the project and asks
each role for it. Each app keeps its rows in `tests/<app>/matrix.py` with:

- `ROWS`: one `Row` per URL name of the app, with the answer each role gets;
- `build(world)`: adds the objects its rows need to the shared world (for
  instance lab X coordinated by `world.people["coordinator_x"]` and lab Y by
  `coordinator_y`), so that `Row.kwargs(world)` can point at them;

and adds its module to `ROW_MODULES` in tests/test_permission_matrix.py.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from urllib.parse import urlparse

from allauth.mfa.models import Authenticator
from django.urls import reverse

from members.enums import IncomeGroup, WorldRegion
from members.models import Invitation, LinkRequest
from members.roles import Role
from tests.factories import MemberFactory, UserFactory

ROLES = (
    "anonymous",
    "no_member",  # signed up, linked to no member, no role
    "focal_point_a",
    "focal_point_b",
    "participant_a",
    "coordinator_x",  # coordinator of lab X (labs app)
    "coordinator_y",  # coordinator of lab Y (labs app)
    "secretariat",
)


@dataclass(frozen=True)
class Redirect:
    """A 302 to the page of this URL name (any query string), or to any page."""

    to: str | None = None

    def matches(self, response):
        if response.status_code != 302:
            return False
        return self.to is None or urlparse(response["Location"]).path == reverse(self.to)

    def __repr__(self):
        return f"302→{self.to or 'anywhere'}"


LOGIN = Redirect("account_login")
ADMIN_LOGIN = Redirect("admin:login")
HOME = Redirect("home")
ANY_REDIRECT = Redirect()


def answer_matches(expected, response):
    if isinstance(expected, Redirect):
        return expected.matches(response)
    return response.status_code == expected


def describe(response):
    if response.status_code in (301, 302):
        return f"{response.status_code}→{urlparse(response['Location']).path}"
    return response.status_code


def expect(**answers):
    """Every role's answer, spelled out: a missing or unknown role is an error."""
    if set(answers) != set(ROLES):
        raise ValueError(f"roles missing {set(ROLES) - set(answers)}, unknown {set(answers) - set(ROLES)}")
    return answers


def everyone(answer):
    return dict.fromkeys(ROLES, answer)


def signed_in(answer):
    """Any signed-in person gets `answer`; anonymous visitors go to the sign-in page."""
    return {**everyone(answer), "anonymous": LOGIN}


def secretariat_only(answer=200, refused=403):
    return {**signed_in(refused), "secretariat": answer}


def no_kwargs(world):
    return {}


@dataclass(frozen=True)
class Row:
    name: str
    expected: dict
    kwargs: Callable = no_kwargs
    query: dict = field(default_factory=dict)


def build_cast():
    """The people of the matrix, one per role, and the two members A and B."""
    member_a = MemberFactory(name="Member A", region=WorldRegion.EUROPE, income_group=IncomeGroup.HIGH)
    member_b = MemberFactory(name="Member B", region=WorldRegion.AFRICA, income_group=IncomeGroup.LOW)
    people = {
        "no_member": UserFactory(email="newcomer@example.org"),
        "focal_point_a": UserFactory(email="focal.a@example.org", member=member_a, role=Role.FOCAL_POINT),
        "focal_point_b": UserFactory(email="focal.b@example.org", member=member_b, role=Role.FOCAL_POINT),
        "participant_a": UserFactory(email="participant.a@example.org", member=member_a, role=Role.PARTICIPANT),
        "coordinator_x": UserFactory(email="coordinator.x@example.org", role=Role.COORDINATOR),
        "coordinator_y": UserFactory(email="coordinator.y@example.org", role=Role.COORDINATOR),
        "secretariat": UserFactory(email="admin@example.org", role=Role.SECRETARIAT),
    }
    return SimpleNamespace(member_a=member_a, member_b=member_b, people=people)


def build(world):
    people = world.people
    world.invitation_a = Invitation.objects.create(
        email="invited@example.org", member=world.member_a, role=Role.PARTICIPANT, invited_by=people["secretariat"]
    )
    world.link_request_a = LinkRequest.objects.create(
        person=people["no_member"], member=world.member_a, role=Role.PARTICIPANT
    )
    # The administration lists people's second factors: staff have theirs (tests/factories.py).
    assert Authenticator.objects.filter(user=people["secretariat"]).count() == 2


def member_a(world):
    return {"pk": world.member_a.pk}


ROWS = [
    Row("members:profile", signed_in(200)),
    Row("members:download_my_data", signed_in(200)),
    Row("members:delete_my_account", signed_in(200)),
    Row("members:member_list", secretariat_only()),
    Row("members:member_create", secretariat_only()),
    Row("members:member_import", secretariat_only()),
    Row("members:member_import_confirm", secretariat_only(405)),  # POST only
    Row(
        "members:member_detail",
        expect(
            anonymous=LOGIN,
            no_member=403,
            focal_point_a=200,
            focal_point_b=404,
            participant_a=403,
            coordinator_x=403,
            coordinator_y=403,
            secretariat=200,
        ),
        kwargs=member_a,
    ),
    # Editing is the Secretariat's: refused to every other role for every member alike.
    Row("members:member_edit", secretariat_only(), kwargs=member_a),
    Row("members:invitation_list", secretariat_only()),
    Row("members:invitation_create", secretariat_only()),
    Row("members:invitation_resend", secretariat_only(405), kwargs=lambda world: {"pk": world.invitation_a.pk}),
    # The link in the email works for whoever holds it; the page then says what to do.
    Row("members:accept_invitation", everyone(200), kwargs=lambda world: {"token": world.invitation_a.token}),
    Row("members:ask_to_be_linked", {**signed_in(403), "no_member": 200}),
    Row(
        "members:link_request_list",
        {**signed_in(403), "focal_point_a": 200, "focal_point_b": 200, "secretariat": 200},
    ),
    Row(
        "members:link_request_detail",
        expect(
            anonymous=LOGIN,
            no_member=403,
            focal_point_a=200,
            focal_point_b=404,
            participant_a=403,
            coordinator_x=403,
            coordinator_y=403,
            secretariat=200,
        ),
        kwargs=lambda world: {"pk": world.link_request_a.pk},
    ),
]
