from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = "Local members and elections"

    def ready(self):
        from protocol_site.audit_words import register_audit_words
        from registers.selectors import register_home_panel

        from .audit_words import AUDIT_WORDS
        from .views.home import notices_home_panel

        register_home_panel(notices_home_panel)
        register_audit_words(AUDIT_WORDS)
