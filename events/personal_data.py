"""A participant's travel support and onsite answers are personal data: each
person can download them, and anonymisation clears the travel details (the
support itself stays, for the lab's accounts) and the calendar address."""

from events.models import CalendarFeed, OnsiteAnswer, TravelSupport


def _iso(value):
    return value.isoformat() if value else None


def export_sessions_and_support(person):
    supports = TravelSupport.objects.filter(participant=person).select_related("lab", "session", "member")
    answers = OnsiteAnswer.objects.filter(person=person).select_related("session__lab")
    return {
        "travel_support": [
            {
                "lab": support.lab.code,
                "session": support.session.title,
                "member": support.member.name,
                "status": support.status,
                "airfare": support.airfare,
                "accommodation_nights": support.accommodation_nights,
                "local_transport": support.local_transport,
                "meals": support.meals,
                "event_pass": support.event_pass,
                "arrival_date": _iso(support.arrival_date),
                "departure_date": _iso(support.departure_date),
                "departure_city": support.departure_city,
                "dietary_needs": support.dietary_needs,
                "access_needs": support.access_needs,
                "offered_at": _iso(support.offered_at),
            }
            for support in supports.order_by("offered_at", "pk")
        ],
        "onsite_answers": [
            {"lab": answer.session.lab.code, "session": answer.session.title, "attending": answer.attending}
            for answer in answers.order_by("session__starts_at", "pk")
        ],
    }


def anonymise_sessions_and_support(person):
    TravelSupport.objects.filter(participant=person).update(departure_city="", dietary_needs="", access_needs="")
    CalendarFeed.objects.filter(person=person).delete()
