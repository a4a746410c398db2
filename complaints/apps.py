from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = "Complaints between members and officers"
    sweep = "complaints.services.complaints_sweep"  # run by beat and `manage.py sweep`
    sweep_every = 120  # seconds between beat runs

    def ready(self):
        from registers.selectors import register_home_panel

        from .views.home import complaints_home_panel

        register_home_panel(complaints_home_panel)
