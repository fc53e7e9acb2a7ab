import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def in_english():
    """Pages requested in French or Spanish leave that language active in the
    thread; code called directly by a test reads English unless it says otherwise."""
    with translation.override("en"):
        yield
