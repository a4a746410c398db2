from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "retention"
    verbose_name = "Retention and subject access"

    def ready(self):
        from protocol_site.audit_words import register_audit_words

        from .audit_words import AUDIT_WORDS

        register_audit_words(AUDIT_WORDS)
