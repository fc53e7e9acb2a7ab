from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = _("Sessions and travel support")

    def ready(self):
        from events import (
            personal_data,
            support,  # noqa: F401 - registers the audit log's actions of travel support
        )
        from members.personal_data import register_section

        register_section(
            "sessions_and_travel_support",
            export=personal_data.export_sessions_and_support,
            anonymise=personal_data.anonymise_sessions_and_support,
        )
