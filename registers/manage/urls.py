"""/organisation/...: one set of URLs per register in the registry.

<register>/                 list (GET q= to search, page= to page)
<register>/csv/             the list as a spreadsheet (GET q= to search)
<register>/add/             add
<register>/<id>/            the record, its change history and audit events
<register>/<id>/change/     change
closure-days/<id>/delete/   delete a closure day (the only register with deletion)

A read-only register (restricted posts, visits) has only its list and its CSV: its entries are
changed where they are kept.
"""

from django.urls import path

from . import protocol, rules, views
from .registry import REGISTERS

app_name = "manage"

urlpatterns = [
    path("", views.index, name="index"),
    path("protocol/", protocol.protocol_edit, name="protocol"),
    path("protocol/preset/", protocol.protocol_preset, name="protocol_preset"),
    path("protocol/document/", protocol.protocol_document, name="protocol_document"),
    path("rules/", rules.council_rules_edit, name="rules"),
]

for _register in REGISTERS:
    _key = {"register": _register.key}
    urlpatterns += [
        path(f"{_register.path}/", views.entry_list, _key, name=f"{_register.key}_list"),
        path(f"{_register.path}/csv/", views.entry_export, _key, name=f"{_register.key}_export"),
    ]
    if _register.read_only:
        continue
    urlpatterns += [
        path(f"{_register.path}/add/", views.entry_add, _key, name=f"{_register.key}_add"),
        path(
            f"{_register.path}/<int:pk>/",
            views.entry_detail,
            _key,
            name=f"{_register.key}_detail",
        ),
        path(
            f"{_register.path}/<int:pk>/change/",
            views.entry_edit,
            _key,
            name=f"{_register.key}_edit",
        ),
    ]

urlpatterns.append(
    path("closure-days/<int:pk>/delete/", views.closure_day_delete, name="closureday_delete")
)
