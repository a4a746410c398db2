from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "groups"
    label = "political_groups"
    verbose_name = "Political groups"
