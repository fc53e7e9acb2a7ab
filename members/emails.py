"""Emails of the members app: one function per kind of email.

Subject, text and HTML share a template name under members/emails/ and are
rendered in the recipient's language.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def render_email(template, context, language):
    with translation.override(language):
        subject = render_to_string(f"members/emails/{template}_subject.txt", context)
        text = render_to_string(f"members/emails/{template}.txt", context)
        html = render_to_string(f"members/emails/{template}.html", context)
    return " ".join(subject.split()), text, html


def send_person_invitation(invitation):
    """Sends the link with which an invited person sets their password (or, with an
    account already, accepts) and starts acting for the member."""
    from members.models import User

    account = User.objects.filter(email__iexact=invitation.email).first()
    language = account.preferred_language if account else invitation.language
    context = {
        "invitation": invitation,
        "has_account": account is not None,
        "accept_url": settings.SITE_URL + reverse("members:accept_invitation", kwargs={"token": invitation.token}),
    }
    subject, text, html = render_email("person_invitation", context, language)
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body=text, to=[invitation.email]
    )
    message.attach_alternative(html, "text/html")
    message.send()
