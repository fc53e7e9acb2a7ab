from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "applications"
    verbose_name = _("Expressions of interest")

    def ready(self):
        from applications import member_history
        from applications import personal_data as named_people
        from applications.selection import participants
        from members.history import register_history_section
        from members.personal_data import register_section

        register_history_section(
            "interests",
            template_name="applications/includes/member_history.html",
            get_context=member_history.history_context,
        )
        register_section(
            "named_participations",
            export=named_people.export_named_participations,
            anonymise=named_people.anonymise_named_participations,
        )
        register_section(
            "lab_participations",
            export=participants.export_lab_participations,
            anonymise=participants.anonymise_lab_participations,
        )
        post_save.connect(
            participants.link_lab_participations,
            sender="members.User",
            dispatch_uid="applications-link-lab-participations",
        )
        post_save.connect(
            named_people.link_named_participations,
            sender="members.User",
            dispatch_uid="applications-link-named-participations",
        )
