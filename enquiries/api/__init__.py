"""The JSON API for members' enquiries (issue 4): intake from gateways and CRMs, and reporting.

Scoped exactly like the pages: every read goes through the selectors, every write through
`enquiry_log`. serializers.py shapes the data; views.py is the thin layer; urls.py is included
by protocol_site/api_urls.py at /api/v1/.
"""
