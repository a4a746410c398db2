"""Thin views: parse, call a selector or `enquiry_log`, render. Out of scope is 404."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from protocol_site.api_pagination import FilteredKeysetList, Key
from protocol_site.api_responses import FIELD_ERRORS, NOT_SIGNED_IN
from registers.models import Officer
from registers.roles import person_for

from ..filters import EnquiryApiFilter
from ..models import Enquiry, EnquiryEvent, open_urgent
from ..permissions import can_record
from ..selectors import (
    enquiries_visible_to,
    enquiry_for,
    timeline_for,
)
from ..services import enquiry_log
from .serializers import (
    EnquiryCreateSerializer,
    EnquiryListItemSerializer,
    EnquirySerializer,
)

# The people and places each enquiry names, by the columns their names are made of: the
# councillor, ward and service are joined; the officers (assigned, Director, escalated to)
# are read for the whole page in one query (with_officers) rather than three more joins.
RELATED = ("councillor__user", "ward", "service")
NAMES = ("user__first_name", "user__last_name", "user__username")
RELATED_COLUMNS = (
    *(f"councillor__{name}" for name in NAMES),
    "councillor__ward_id",
    "ward__name",
    "service__name",
)
OFFICERS = ("assigned_to", "director", "escalated_to")
# timeline_for(user, enquiry) reads only `enquiry.events`: handed every event, it returns the
# same rule (councillors do not see internal steps) as one queryset to prefetch a whole page.
EVERY_ENQUIRY = SimpleNamespace(events=EnquiryEvent.objects)


def enquiry_queryset(user, base: QuerySet[Enquiry], *, timeline: bool = True) -> QuerySet[Enquiry]:
    """Everything one enquiry's body needs but its officers (with_officers), for any number
    of enquiries, in one query, and their timelines in a second (not for a list, whose items
    carry none). Its search vector is never read."""
    own = [f.attname for f in Enquiry._meta.concrete_fields if f.name != "search_vector"]
    qs = base.select_related(*RELATED).only(*own, *RELATED_COLUMNS)
    if not timeline:
        return qs
    events = Prefetch(
        "events", queryset=timeline_for(user, EVERY_ENQUIRY), to_attr="visible_timeline"
    )
    return qs.prefetch_related(events)


def with_officers(enquiries: list[Enquiry]) -> list[Enquiry]:
    """Each enquiry's officers (with the names the API shows), for the whole list in one
    query."""
    wanted = {getattr(e, f"{name}_id") for e in enquiries for name in OFFICERS} - {None}
    found = (
        {o.pk: o for o in Officer.objects.filter(pk__in=wanted).select_related("user").only(*NAMES)}
        if wanted
        else {}
    )
    for enquiry in enquiries:
        for name in OFFICERS:
            field = Enquiry._meta.get_field(name)
            field.set_cached_value(enquiry, found.get(getattr(enquiry, field.attname)))
    return enquiries


def one_enquiry(user, pk) -> Enquiry:
    """One enquiry with everything its body needs (whether or not in `user`'s reach: only
    for what they have just done to it)."""
    return with_officers([enquiry_queryset(user, Enquiry.objects).get(pk=pk)])[0]


@extend_schema_view(
    get=extend_schema(
        summary="Enquiries you can see",
        description="Scoped exactly like the pages: a councillor sees their own; an officer "
        "what is theirs or their team's; democratic services and the Chief Executive see all. "
        "Open urgent enquiries first, then (for a search) the best match, then newest first; "
        "50 a page. Follow `next` for the next page (null on the last); there is no total. "
        "Each item is the enquiry without its timeline: `GET /api/v1/enquiries/{id}/` gives "
        "that.",
        responses={
            200: EnquiryListItemSerializer(many=True),
            400: FIELD_ERRORS,
            403: NOT_SIGNED_IN,
        },
    ),
    post=extend_schema(
        summary="Log an enquiry",
        description="A councillor's own enquiry is received now. An officer or democratic "
        "services recording one received by email, phone, letter or in person names the "
        "`councillor`, the `channel` and `received_at`. The due date counts working days "
        "from the day of receipt.",
        request=EnquiryCreateSerializer,
        responses={
            201: EnquirySerializer,
            400: FIELD_ERRORS,
            403: OpenApiResponse(description="Not signed in, or not allowed to log enquiries."),
        },
    ),
)
class EnquiryListView(FilteredKeysetList, generics.ListCreateAPIView):
    serializer_class = EnquirySerializer
    queryset = Enquiry.objects.none()  # the real one is the asker's: get_queryset

    # The list pages' filters and search (enquiries.filters), applied to what the asker sees.
    filterset_class = EnquiryApiFilter

    def keyset(self, request) -> tuple[Key, ...]:
        """Open urgent enquiries first, as in the officers' queues; then the best match to a
        search, or the newest (KeysetPagination orders by these, all descending)."""
        return (
            Key("open_urgent"),
            *self.best_match(request),
            Key("received_at", datetime),
            Key("pk"),
        )

    def get_queryset(self) -> QuerySet[Enquiry]:
        qs = enquiries_visible_to(self.request.user)
        if self.request.method != "GET":
            return qs
        qs = self.filter_queryset(qs).annotate(open_urgent=open_urgent())
        return enquiry_queryset(self.request.user, qs, timeline=False)

    def get_serializer_class(self):
        # A list's items carry no timeline; what was just logged is shown whole.
        return EnquiryListItemSerializer if self.request.method == "GET" else EnquirySerializer

    def list(self, request, *args, **kwargs) -> Response:
        # get_queryset has filtered already: not filtered twice.
        page = with_officers(self.paginate_queryset(self.get_queryset()))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def create(self, request, *args, **kwargs) -> Response:
        person = person_for(request.user)
        if person.councillor is None and not can_record(person):
            raise PermissionDenied(
                "Only a councillor, an officer or democratic services can log it."
            )
        incoming = EnquiryCreateSerializer(
            data=request.data, context={**self.get_serializer_context(), "person": person}
        )
        incoming.is_valid(raise_exception=True)
        # A ValidationError or PermissionDenied from the service is answered by the API's
        # exception handler (protocol_site.api): 400 with field errors, or 403.
        logged = enquiry_log(actor=request.user, **incoming.validated_data)
        # The body of what the caller has just logged, even where it was routed beyond
        # their reach (an officer recording one for another service).
        enquiry = one_enquiry(request.user, logged.pk)
        body = self.get_serializer(enquiry).data
        location = reverse("api:enquiry-detail", kwargs={"pk": enquiry.pk})
        return Response(body, status=status.HTTP_201_CREATED, headers={"Location": location})


@extend_schema(
    summary="One enquiry",
    description="404 if it does not exist or is not yours to see (another councillor's).",
    responses={
        200: EnquirySerializer,
        403: NOT_SIGNED_IN,
        404: OpenApiResponse(description="Not found, or not yours to see."),
    },
)
class EnquiryDetailView(generics.RetrieveAPIView):
    serializer_class = EnquirySerializer
    queryset = Enquiry.objects.none()

    def get_object(self) -> Enquiry:
        enquiry = enquiry_for(self.request.user, self.kwargs["pk"])
        enquiry.visible_timeline = list(timeline_for(self.request.user, enquiry))
        self.check_object_permissions(self.request, enquiry)
        return enquiry
