from django.apps import AppConfig


class ProtocolSiteConfig(AppConfig):
    name = "protocol_site"
    verbose_name = "Site kernel"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .security import session_mark_refreshed

        user_logged_in.connect(session_mark_refreshed, dispatch_uid="session_mark_refreshed")
