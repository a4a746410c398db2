"""Email coming in (see README "Email coming in"): the council mailbox the product reads, and
the address replies to its emails go to. Every value from the environment; with no
INBOUND_EMAIL_IMAP_HOST the mailbox is not polled (mail can still be piped in)."""

from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_str

# The mailbox's address, e.g. members.enquiries@example.gov.uk. Emails about an enquiry carry
# a reply address made from it (members.enquiries+<signed token>@example.gov.uk), so a reply
# comes back to the case. Empty: emails carry no reply address.
INBOUND_EMAIL_ADDRESS = env_str("INBOUND_EMAIL_ADDRESS", "")
if INBOUND_EMAIL_ADDRESS and INBOUND_EMAIL_ADDRESS.count("@") != 1:
    raise ImproperlyConfigured(
        f"INBOUND_EMAIL_ADDRESS={INBOUND_EMAIL_ADDRESS!r} is not an email address."
    )

# The IMAP mailbox polled by the beat task (inbox.tasks.poll_mailbox).
INBOUND_EMAIL_IMAP_HOST = env_str("INBOUND_EMAIL_IMAP_HOST", "")
INBOUND_EMAIL_IMAP_PORT = env_int("INBOUND_EMAIL_IMAP_PORT", 993, minimum=1, maximum=65535)
# "ssl": TLS from the start (port 993); "starttls": upgrade a plain connection (port 143);
# "none": plain text, for a server on the same machine only.
INBOUND_EMAIL_IMAP_SECURITY = (env_str("INBOUND_EMAIL_IMAP_SECURITY", "ssl") or "").lower()
if INBOUND_EMAIL_IMAP_SECURITY not in ("ssl", "starttls", "none"):
    raise ImproperlyConfigured(
        f"INBOUND_EMAIL_IMAP_SECURITY={INBOUND_EMAIL_IMAP_SECURITY!r} must be ssl, starttls "
        "or none."
    )
INBOUND_EMAIL_IMAP_USER = env_str("INBOUND_EMAIL_IMAP_USER", "")
INBOUND_EMAIL_IMAP_PASSWORD = env_str("INBOUND_EMAIL_IMAP_PASSWORD", "")
INBOUND_EMAIL_IMAP_FOLDER = env_str("INBOUND_EMAIL_IMAP_FOLDER", "INBOX")
# Where a message goes once it is recorded (created if missing). Empty: it stays in the
# folder, marked as read (\Seen), and is skipped by later polls.
INBOUND_EMAIL_IMAP_DONE_FOLDER = env_str("INBOUND_EMAIL_IMAP_DONE_FOLDER", "Processed")
INBOUND_EMAIL_IMAP_TIMEOUT = env_int("INBOUND_EMAIL_IMAP_TIMEOUT", 30, minimum=1, maximum=600)
INBOUND_EMAIL_POLL_SECONDS = env_int("INBOUND_EMAIL_POLL_SECONDS", 60, minimum=10, maximum=3600)
# At most this many messages are taken in one poll; the rest wait for the next.
INBOUND_EMAIL_POLL_BATCH = env_int("INBOUND_EMAIL_POLL_BATCH", 50, minimum=1, maximum=1000)

# A message larger than this is not read: it is kept (its first part) for triage.
INBOUND_EMAIL_MAX_MB = env_int("INBOUND_EMAIL_MAX_MB", 25, minimum=1, maximum=200)

# The service and kind an emailed enquiry from a councillor starts with, then routed as one
# logged online. Empty service: every emailed enquiry waits in triage for democratic services.
INBOUND_EMAIL_SERVICE = env_str("INBOUND_EMAIL_SERVICE", "")
INBOUND_EMAIL_KIND = (env_str("INBOUND_EMAIL_KIND", "casework") or "").lower()
if INBOUND_EMAIL_KIND not in ("casework", "general"):
    raise ImproperlyConfigured(
        f"INBOUND_EMAIL_KIND={INBOUND_EMAIL_KIND!r} must be casework or general."
    )
# Send the sender of mail that waits in triage one short reply saying so (at most one a day
# to any address; never to automatic mail).
INBOUND_EMAIL_TRIAGE_REPLY = env_bool("INBOUND_EMAIL_TRIAGE_REPLY", True)
# The mail server whose Authentication-Results headers are trusted (its authserv-id, e.g.
# mx.example.gov.uk). Set, a councillor's email is taken as theirs only when that server says
# it passed DMARC; anything else waits in triage. Empty: the From address is trusted.
INBOUND_EMAIL_AUTHSERV_ID = (env_str("INBOUND_EMAIL_AUTHSERV_ID", "") or "").lower()
