"""Renders one occasion's subject, text and HTML in the recipient's language and time zone."""

import re
import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation


@dataclass(frozen=True)
class Rendered:
    language: str
    subject: str
    text_body: str
    html_body: str


def single_line(value):
    """Header values never carry CR/LF (nor any other line break)."""
    return " ".join(str(value).split())


def absolute_url(link):
    """Every link in a message is absolute, on SITE_URL."""
    if link.startswith(("https://", "http://")):
        return link
    if not link.startswith("/"):
        raise ValueError(f"A link in a message must be a path or an absolute URL, not {link!r}")
    return settings.SITE_URL + link


def default_link(about):
    get_absolute_url = getattr(about, "get_absolute_url", None)
    return get_absolute_url() if get_absolute_url else "/"


def recipient_time_zone(recipient):
    try:
        return zoneinfo.ZoneInfo(recipient.time_zone or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def message_context(*, about, recipient, member, context):
    """What every template can rely on; the caller's context adds to it or overrides it."""
    values = {
        "about": about,
        "title": str(about),
        "recipient": recipient,
        "name": recipient.get_full_name(),
        "member": member,
        "member_name": str(member) if member else "",
        "site_url": settings.SITE_URL,
        **context,
    }
    values["link"] = absolute_url(values.get("link") or default_link(about))
    return values


def render_occasion(*, occasion, recipient, values):
    language = recipient.preferred_language or settings.LANGUAGE_CODE
    folder = f"outbox/{occasion}"
    with translation.override(language), timezone.override(recipient_time_zone(recipient)):
        subject = single_line(render_to_string(f"{folder}/subject.txt", values))
        text_body = render_to_string(f"{folder}/body.txt", values)
        html_body = render_to_string(f"{folder}/body.html", values)
    return Rendered(
        language=language, subject=subject[:255], text_body=tidy_lines(text_body), html_body=tidy_lines(html_body)
    )


def tidy_lines(body):
    """Template tags on lines of their own leave runs of blank lines behind."""
    body = re.sub(r"\n[ \t]*(?=\n)", "\n", body)
    return re.sub(r"\n{3,}", "\n\n", body).strip() + "\n"
