from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RegistersConfig(AppConfig):
    name = "registers"
    verbose_name = "Council registers"

    def ready(self):
        from django.contrib.auth import get_user_model

        from protocol_site.audit_words import register_audit_words
        from protocol_site.choices import forget_choices_for

        from .audit_words import AUDIT_WORDS
        from .models import Councillor, Directorate, Service, Ward
        from .permissions import ensure_role_groups
        from .selectors import register_home_panel
        from .views.decisions import decisions_panel, register_visits_source
        from .views.panels import interests_panel, training_panel, visits_panel

        post_migrate.connect(ensure_role_groups, sender=self)
        # The filter panels offer these, and councillors by name.
        forget_choices_for(Councillor, Directorate, Service, Ward, get_user_model())
        register_audit_words(AUDIT_WORDS)
        # Waiting for your decision comes first on the home page; every app adds its sources.
        register_home_panel(decisions_panel)
        register_visits_source()
        for panel in (visits_panel, training_panel, interests_panel):
            register_home_panel(panel, last=True)
