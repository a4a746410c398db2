from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = "Complaints between members and officers"
    sweep = "complaints.services.complaints_sweep"  # run by `manage.py sweep`
