from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = "Complaints between members and officers"
    sweep = "complaints.services.complaints_sweep"  # run by beat and `manage.py sweep`
    sweep_every = 120  # seconds between beat runs

    def ready(self):
        from declarations.reach import register_case_finder
        from protocol_site.audit_words import register_audit_words
        from registers.selectors import register_home_panel

        from .audit_words import AUDIT_WORDS
        from .decisions import register_complaint_decisions
        from .services.reach import complaint_stages_visible, complaints_reach
        from .views.home import complaints_home_panel

        register_complaint_decisions()
        register_home_panel(complaints_home_panel)
        register_case_finder(
            complaints_reach, case_type="complaint stage", visible=complaint_stages_visible
        )
        register_audit_words(AUDIT_WORDS)
