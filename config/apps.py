from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project's own wiring: the page cache watches every database connection's writes."""

    name = "config"
    verbose_name = "Portal"

    def ready(self):
        from config import page_cache

        page_cache.install()
