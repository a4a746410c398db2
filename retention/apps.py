from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "retention"
    verbose_name = "Retention and subject access"

    def ready(self):
        from protocol_site.audit_words import register_audit_words
        from registers.selectors import register_home_panel

        from .audit_words import AUDIT_WORDS
        from .views.home import retention_home_panel

        register_home_panel(retention_home_panel, last=True)
        register_audit_words(AUDIT_WORDS)
