import json

from django.urls import reverse

from events.models import CalendarFeed
from events.services import answer_onsite, calendar_feed_for
from events.support import accept_travel_support
from members.services import anonymise_person
from tests.events.factories import OnsiteSessionFactory
from tests.events.support_helpers import DETAILS, offer


def test_a_participant_downloads_their_support_and_answers(client, lab, laura, lab_coordinator):
    workshop = OnsiteSessionFactory(lab=lab, title="Bogotá workshop")
    accept_travel_support(support=offer(laura, workshop, lab_coordinator), by=laura, **DETAILS)
    client.force_login(laura)

    data = json.loads(client.get(reverse("members:download_my_data")).content)["sessions_and_travel_support"]

    assert [(row["session"], row["status"], row["dietary_needs"]) for row in data["travel_support"]] == [
        ("Bogotá workshop", "accepted", "Vegetarian")
    ]
    assert data["onsite_answers"] == [{"lab": "SL9", "session": "Bogotá workshop", "attending": True}]


def test_anonymising_clears_travel_details_and_the_calendar_address(lab, laura, lab_coordinator):
    support = offer(laura, OnsiteSessionFactory(lab=lab), lab_coordinator)
    accept_travel_support(support=support, by=laura, **{**DETAILS, "access_needs": "Wheelchair"})
    calendar_feed_for(laura)
    answer_onsite(person=laura, session=support.session, attending=True)

    anonymise_person(person=laura)

    support.refresh_from_db()
    assert (support.departure_city, support.dietary_needs, support.access_needs) == ("", "", "")
    assert support.arrival_date == DETAILS["arrival_date"]  # the lab's accounts keep the stay
    assert CalendarFeed.objects.filter(person=laura).count() == 0
