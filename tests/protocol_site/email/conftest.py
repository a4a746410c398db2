import uuid

import pytest

from .servers import FakeNotify, start_mail_server

DEFAULT_TEMPLATE = str(uuid.uuid4())
LOGGED_TEMPLATE = str(uuid.uuid4())


@pytest.fixture
def notify(settings):
    """GOV.UK Notify chosen, its client pointed at a Notify-shaped server on the loopback."""
    server = FakeNotify().start()
    settings.EMAIL_DELIVERY = "notify"
    settings.NOTIFY_API_KEY = server.api_key
    settings.NOTIFY_BASE_URL = server.url
    settings.NOTIFY_TEMPLATE_ID = DEFAULT_TEMPLATE
    settings.NOTIFY_TEMPLATE_IDS = {"enquiry_logged": LOGGED_TEMPLATE}
    yield server
    server.stop()


@pytest.fixture
def smtp(settings):
    """SMTP delivery to a real mail server on the loopback."""
    controller, mailbox, port = start_mail_server()
    settings.EMAIL_DELIVERY = "smtp"
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    yield mailbox
    controller.stop()
