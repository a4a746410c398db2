"""Setting and resetting passwords by an emailed link, sent through the outbox."""

from django.conf import settings
from django.contrib.auth import password_validation
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


def min_password_length() -> int:
    """The shortest password the configured rules accept (0 if no rule sets one)."""
    return max(
        (
            v.min_length
            for v in password_validation.get_default_password_validators()
            if isinstance(v, password_validation.MinimumLengthValidator)
        ),
        default=0,
    )


# Django's password rules, in the words of the GOV.UK Design System: each message says what to do.
class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return f"Your password must be {self.min_length} characters or more"

    def get_help_text(self):
        return f"Your password must be {self.min_length} characters or more."


class UserAttributeSimilarityValidator(password_validation.UserAttributeSimilarityValidator):
    def get_error_message(self):
        return "Your password must not be like your name, username or email address"

    def get_help_text(self):
        return "It must not be like your name, username or email address."


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def get_error_message(self):
        return "Your password is too common: choose one that would be harder to guess"

    def get_help_text(self):
        return "It must not be a commonly used password."


class NumericPasswordValidator(password_validation.NumericPasswordValidator):
    def get_error_message(self):
        return "Your password must include letters or symbols, not only numbers"

    def get_help_text(self):
        return "It must not be only numbers."
