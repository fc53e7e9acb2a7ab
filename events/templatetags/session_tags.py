import zoneinfo

from django import template
from django.utils import timezone
from django.utils.formats import date_format

from events import wording
from events.enums import SupportStatus
from events.support import Side, allowed_targets

register = template.Library()


@register.simple_tag
def session_when(session, zone_name=None):
    """The session's day and hours in a zone (the viewer's by default): one
    day as 'date, 09:00–10:30', several days as 'date 09:00 – date 17:00'."""
    zone = zoneinfo.ZoneInfo(zone_name) if zone_name else timezone.get_current_timezone()
    starts, ends = session.starts_at.astimezone(zone), session.ends_at.astimezone(zone)
    if starts.date() == ends.date():
        return f"{date_format(starts, 'DATE_FORMAT')}, {starts:%H:%M}–{ends:%H:%M}"
    return f"{date_format(starts, 'DATE_FORMAT')} {starts:%H:%M} – {date_format(ends, 'DATE_FORMAT')} {ends:%H:%M}"


@register.filter
def items_of(support):
    return wording.describe_items(support)


@register.filter
def where(session):
    return wording.where(session)


STATUS_BADGES = {
    SupportStatus.OFFERED: "text-bg-warning",
    SupportStatus.ACCEPTED: "text-bg-primary",
    SupportStatus.BOOKED: "text-bg-success",
    SupportStatus.DECLINED: "text-bg-secondary",
    SupportStatus.CANCELLED: "text-bg-secondary",
}


@register.filter
def status_badge(support):
    return STATUS_BADGES.get(support.status, "text-bg-light")


@register.filter
def participant_may(support, status):
    return status in allowed_targets(status=support.status, side=Side.PARTICIPANT)


@register.filter
def coordinator_may(support, status):
    return status in allowed_targets(status=support.status, side=Side.COORDINATOR)
