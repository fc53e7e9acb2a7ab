import datetime

from events.support import SupportItems, offer_travel_support

FULL = SupportItems(airfare=True, accommodation_nights=3, local_transport=True, meals=True)
DETAILS = {
    "arrival_date": datetime.date(2030, 6, 1),
    "departure_date": datetime.date(2030, 6, 5),
    "departure_city": "Bogotá",
    "dietary_needs": "Vegetarian",
    "access_needs": "",
}


def offer(participant, session, by, items=FULL):
    return offer_travel_support(participant=participant, lab=session.lab, session=session, items=items, by=by)
