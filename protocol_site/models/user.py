from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A person who signs in: a councillor or an officer (their profile lives in registers)."""

    class Meta:
        ordering = ["last_name", "first_name"]

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    def __str__(self) -> str:
        return self.display_name
