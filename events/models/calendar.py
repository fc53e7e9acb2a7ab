import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def new_calendar_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's calendar subscription: whoever has the token reads their
    sessions, so it can be replaced (the old address then stops working)."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), related_name="calendar_feed", on_delete=models.CASCADE
    )
    token = models.CharField(max_length=64, unique=True, default=new_calendar_token, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now=True)

    class Meta:
        verbose_name = _("calendar subscription")
        verbose_name_plural = _("calendar subscriptions")

    def __str__(self):
        return str(self.person)

    def get_absolute_url(self):
        return reverse("events:calendar_feed", kwargs={"token": self.token})
