from django.apps import AppConfig


class AdviceConfig(AppConfig):
    name = "advice"
    verbose_name = "Advice from the Monitoring Officer and lobbying reports"
    sweep = "advice.services.advice_sweep"  # run by beat and `manage.py sweep`
    sweep_every = 300  # seconds between beat runs

    def ready(self):
        from protocol_site.audit_words import register_audit_words

        from .audit_words import AUDIT_WORDS

        register_audit_words(AUDIT_WORDS)
