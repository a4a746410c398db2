from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RegistersConfig(AppConfig):
    name = "registers"
    verbose_name = "Council registers"

    def ready(self):
        from .permissions import ensure_role_groups

        post_migrate.connect(ensure_role_groups, sender=self)
