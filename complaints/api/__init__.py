"""The JSON API for complaints (issue 5): reading only, scoped exactly like the pages.

Every read goes through complaints.selectors; every detail view is audited
(complaint_record_view). serializers.py shapes the data; views.py is the thin layer; urls.py is
included by protocol_site/api_urls.py at /api/v1/.
"""
