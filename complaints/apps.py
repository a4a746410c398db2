from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = "Complaints between members and officers"
    sweep = "complaints.services.complaints_sweep"  # run by `manage.py sweep`

    def ready(self):
        from registers.selectors import register_home_panel

        from .views.home import complaints_home_panel

        register_home_panel(complaints_home_panel)
