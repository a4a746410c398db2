from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "groups"
    label = "political_groups"
    verbose_name = "Political groups"

    def ready(self):
        from declarations.reach import register_case_finder
        from protocol_site.audit_words import register_audit_words
        from registers.selectors import register_home_panel

        from .audit_words import AUDIT_WORDS
        from .decisions import register_briefing_decisions
        from .services.reach import briefings_reach, briefings_visible
        from .views.home import briefings_home_panel

        register_briefing_decisions()
        register_home_panel(briefings_home_panel)
        register_case_finder(briefings_reach, case_type="briefing", visible=briefings_visible)
        register_audit_words(AUDIT_WORDS)
