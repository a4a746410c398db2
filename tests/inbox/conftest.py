import pytest

from tests.clock import at, clock_fixture

NOW = at(2026, 11, 2, 9, 0)
frozen_clock = clock_fixture(NOW)


@pytest.fixture(autouse=True)
def mailbox_settings(settings):
    settings.INBOUND_EMAIL_ADDRESS = "members.enquiries@example.gov.uk"
    settings.INBOUND_EMAIL_SERVICE = "Waste and Recycling"
    settings.INBOUND_EMAIL_KIND = "casework"
    settings.INBOUND_EMAIL_AUTHSERV_ID = ""
    settings.INBOUND_EMAIL_MAX_MB = 1
    return settings


from tests.dovecot import dovecot  # noqa: E402, F401 - the private IMAP server fixture
