from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "groups"
    label = "political_groups"
    verbose_name = "Political groups"

    def ready(self):
        from registers.selectors import register_home_panel

        from .decisions import register_briefing_decisions
        from .views.home import briefings_home_panel

        register_briefing_decisions()
        register_home_panel(briefings_home_panel)
