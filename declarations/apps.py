from django.apps import AppConfig


class DeclarationsConfig(AppConfig):
    name = "declarations"
    verbose_name = "Relationship declarations and appointment panels"
    sweep = "declarations.services.declarations_sweep"  # run by beat and `manage.py sweep`
    sweep_every = 300  # seconds between beat runs

    def ready(self):
        from protocol_site.audit_words import register_audit_words
        from registers.selectors import register_home_panel

        from .audit_words import AUDIT_WORDS
        from .decisions_source import register_declaration_decisions
        from .panels.reach import panels_reach, panels_visible
        from .panels.views import panels_home_panel
        from .reach import register_case_finder
        from .views.home import declarations_home_panel

        register_declaration_decisions()
        register_home_panel(declarations_home_panel)
        register_home_panel(panels_home_panel)
        register_case_finder(panels_reach, case_type="panel", visible=panels_visible)
        register_audit_words(AUDIT_WORDS)
