from django.apps import AppConfig


class InboxConfig(AppConfig):
    name = "inbox"
    verbose_name = "Email coming in"
    # Beat and `manage.py sweep`: read the council mailbox (when INBOUND_EMAIL_IMAP_HOST is
    # set), then finish any message recorded but not yet read (a crash in between).
    sweep = "inbox.services.inbox_sweep"
    sweep_every = 60

    def ready(self):
        from django.conf import settings

        from protocol_site.audit_words import register_audit_words

        from .audit_words import AUDIT_WORDS

        self.sweep_every = settings.INBOUND_EMAIL_POLL_SECONDS
        register_audit_words(AUDIT_WORDS)
