"""Setting and resetting passwords by an emailed link, sent through the outbox."""

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .forms import GovukFormMixin
from .outbox import email_user


def password_link_for(user) -> str:
    """A one-use link to choose a password; it stops working once the password changes."""
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return f"{settings.SITE_URL}{path}"


def password_email_enqueue(*, user, template: str) -> None:
    """Queue `template` (password_reset or account_created) with the person's link."""
    email_user(user=user, template=template, context={"link": password_link_for(user)})


class OutboxPasswordResetForm(GovukFormMixin, PasswordResetForm):
    """Django's reset form, but the email goes through the outbox like every other email.
    The page says the same whether or not the address is known."""

    error_names = {"email": "your email address"}

    def save(self, *args, **kwargs):
        for user in self.get_users(self.cleaned_data["email"]):
            password_email_enqueue(user=user, template="password_reset")
