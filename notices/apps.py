from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = "Local members and elections"

    def ready(self):
        from registers.selectors import register_home_panel

        from .views.home import notices_home_panel

        register_home_panel(notices_home_panel)
