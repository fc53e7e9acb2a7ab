"""The security pages' rows of the permission matrix (see tests/members/matrix.py)."""

from members import audit
from tests.members.matrix import Row, secretariat_only


def build(world):
    # The cast's role grants are in the log already; one decision more, about member A.
    world.audit_entry = audit.record(
        actor=world.people["secretariat"], action="role_granted", target=world.member_a, detail="matrix"
    )


ROWS = [
    Row("audit_log", secretariat_only()),
]
