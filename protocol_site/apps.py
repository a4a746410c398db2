from django.apps import AppConfig


class ProtocolSiteConfig(AppConfig):
    name = "protocol_site"
    verbose_name = "Site kernel"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import council_rules  # noqa: F401  (drops the cached rules when they change)
        from .audit_words import register_audit_words
        from .security import session_mark_refreshed
        from .sso.services import AUDIT_WORDS as SSO_AUDIT_WORDS

        user_logged_in.connect(session_mark_refreshed, dispatch_uid="session_mark_refreshed")
        register_audit_words(SSO_AUDIT_WORDS)
        # The kernel's own audit events.
        register_audit_words(
            {"protocol_site.email_preference.changed": "Email preferences changed"}
        )
