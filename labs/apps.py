from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LabsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "labs"
    verbose_name = _("Catalogue of labs")

    def ready(self):
        from labs.caching import connect_signals

        connect_signals()
