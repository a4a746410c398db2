from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """RPT-1: the Standards Committee's annual report on how the protocol worked (003 §16.1)."""

    name = "reports"
    verbose_name = "Annual report"

    def ready(self):
        from registers.selectors import register_home_panel

        from .home import annual_report_home_panel, directorate_home_panel

        register_home_panel(directorate_home_panel)
        register_home_panel(annual_report_home_panel)
