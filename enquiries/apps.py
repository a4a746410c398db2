from django.apps import AppConfig


class EnquiriesConfig(AppConfig):
    name = "enquiries"
    verbose_name = "Members' enquiries"
    sweep = "enquiries.services.enquiries_sweep"  # run by beat and `manage.py sweep`
    sweep_every = 120  # seconds between beat runs

    def ready(self):
        from declarations.reach import register_case_finder
        from protocol_site.audit_words import register_audit_words
        from registers.selectors import register_home_panel

        from .audit_words import AUDIT_WORDS
        from .decisions import register_enquiry_decisions
        from .services.reach import enquiries_reach, enquiries_visible
        from .views.home import enquiries_home_panel

        register_enquiry_decisions()
        register_home_panel(enquiries_home_panel)
        register_case_finder(enquiries_reach, case_type="enquiry", visible=enquiries_visible)
        register_audit_words(AUDIT_WORDS)
