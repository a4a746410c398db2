"""The long lists' serializers build their answers by hand (protocol_site.api_shapes): they
must say exactly what DRF's declared fields would, for every reader."""

import json

import pytest
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.test import APIRequestFactory

from complaints.api.serializers import (
    ComplaintSerializer,
    ComplaintStageSerializer,
    ComplaintTimelineEventSerializer,
)
from complaints.api.views import shaped
from complaints.selectors import complaints_with_history
from enquiries.api.files import ConversationEventSerializer
from enquiries.api.serializers import (
    EnquiryListItemSerializer,
    EnquirySerializer,
    TimelineEventSerializer,
)
from enquiries.api.views import one_enquiry
from enquiries.models import Enquiry
from enquiries.selectors import timeline_for
from enquiries.services import enquiry_respond
from tests.complaints.helpers import about_member, about_officer
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db


def as_json(value) -> object:
    return json.loads(JSONRenderer().render(value))


def generic(serializer, instance) -> dict:
    """What DRF's own field-by-field machinery says."""
    return serializers.Serializer.to_representation(serializer, instance)


def request_of(user):
    request = APIRequestFactory().get("/api/v1/enquiries/")
    request.user = user
    return request


@pytest.mark.parametrize("who", ["councillor", "officer", "democratic_services"])
def test_an_enquiry_says_what_its_declared_fields_say(request, org, officer, who):
    open_one = casework(org, urgent_reason="A risk to a resident.")
    answered = casework(org, subject="Answered")
    enquiry_respond(actor=officer, enquiry=answered, response="Done on Monday.", minor=True)
    reader = request.getfixturevalue(who)
    context = {"request": request_of(reader)}
    for pk in (open_one.pk, answered.pk):
        enquiry = one_enquiry(reader, pk)
        mine = EnquirySerializer(context=context)
        assert as_json(mine.to_representation(enquiry)) == as_json(generic(mine, enquiry))
        item = EnquiryListItemSerializer(context=context)
        assert as_json(item.to_representation(enquiry)) == as_json(generic(item, enquiry))
        hidden = {**context, "casework_hidden": not mine._readable(enquiry)}
        for shape in (TimelineEventSerializer, ConversationEventSerializer):
            steps = shape(context=hidden)
            for event in timeline_for(reader, Enquiry.objects.get(pk=pk)):
                assert as_json(steps.to_representation(event)) == as_json(generic(steps, event))


@pytest.mark.parametrize("who", ["councillor", "line_manager", "monitoring_officer"])
def test_a_complaint_says_what_its_declared_fields_say(request, org, who):
    about_officer(org)
    about_member(org)
    reader = request.getfixturevalue(who)
    context = {"request": request_of(reader)}
    complaints = [shaped(reader, c) for c in complaints_with_history(reader)]
    assert complaints
    for complaint in complaints:
        mine = ComplaintSerializer(context=context)
        assert as_json(mine.to_representation(complaint)) == as_json(generic(mine, complaint))
        inner = {**context, "internal": complaint.shaped.internal}
        stage_shape = ComplaintStageSerializer(context=inner)
        for stage in complaint.shaped.stages:
            assert as_json(stage_shape.to_representation(stage)) == as_json(
                generic(stage_shape, stage)
            )
        step_shape = ComplaintTimelineEventSerializer(context=context)
        for event in complaint.shaped.timeline:
            assert as_json(step_shape.to_representation(event)) == as_json(
                generic(step_shape, event)
            )
