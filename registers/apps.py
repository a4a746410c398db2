from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RegistersConfig(AppConfig):
    name = "registers"
    verbose_name = "Council registers"

    def ready(self):
        from django.contrib.auth import get_user_model

        from protocol_site.audit_words import register_audit_words
        from protocol_site.register_cache import forget_when_changed

        from . import models
        from .audit_words import AUDIT_WORDS
        from .permissions import ensure_role_groups
        from .selectors import register_home_panel
        from .views.decisions import decisions_panel, register_visits_source
        from .views.panels import interests_panel, training_panel, visits_panel

        post_migrate.connect(ensure_role_groups, sender=self)
        # Who people are in the council, and the filter panels' options, are kept until these
        # change.
        forget_when_changed(
            get_user_model(),
            models.Absence,
            models.Councillor,
            models.CouncillorRole,
            models.Directorate,
            models.Officer,
            models.PoliticalGroup,
            models.Post,
            models.Service,
            models.StatutoryRole,
            models.Ward,
        )
        register_audit_words(AUDIT_WORDS)
        # Waiting for your decision comes first on the home page; every app adds its sources.
        register_home_panel(decisions_panel)
        register_visits_source()
        for panel in (visits_panel, training_panel, interests_panel):
            register_home_panel(panel, last=True)
