from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "groups"
    label = "political_groups"
    verbose_name = "Political groups"

    def ready(self):
        from registers.selectors import register_home_panel

        from .views.home import briefings_home_panel

        register_home_panel(briefings_home_panel)
