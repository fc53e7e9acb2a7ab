"""The member's interests in labs, as a section of the member's page (members.history)."""

from applications.rules import interests_visible_to


def history_context(member, viewer):
    interests = list(interests_visible_to(viewer).filter(member=member).select_related("lab").order_by("lab__code"))
    return {"interests": interests} if interests else None
