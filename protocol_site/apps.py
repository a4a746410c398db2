from django.apps import AppConfig


class ProtocolSiteConfig(AppConfig):
    name = "protocol_site"
    verbose_name = "Site kernel"
