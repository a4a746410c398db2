"""Demo panels for `manage.py seed_demo`: two for posts members may help appoint (003 §6.1), one
outside it so the warning shows. Each through panel_save, once (keyed by post and purpose);
no member related to the officer concerned is ever put on one."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from registers.models import Officer, Post

from ..models import Panel
from .selectors import serving_councillors
from .services import conflicted_members, panel_save

# (post title, purpose, officer concerned's username or None, outside candidate, days from
# today, how many members, notes)
DEMO_PANELS = [
    (
        "Director of Children's Services",
        Panel.Purpose.APPOINTMENT,
        None,
        "Samira Haddad",
        15,
        5,
        "Final interview of the shortlisted candidate. Cross-party panel.",
    ),
    (
        "Executive Director of Resources",
        Panel.Purpose.APPOINTMENT,
        "ad.demo",
        "",
        -40,
        4,
        "Internal candidate. Recommendation to full Council.",
    ),
    (
        "Head of Communications",
        Panel.Purpose.APPOINTMENT,
        "officer.demo",
        "",
        8,
        2,
        "Members asked to sit; officers to confirm whether this is appropriate.",
    ),
]


def seed(recorder) -> int:
    created = 0
    today = timezone.localdate()
    serving = list(serving_councillors([]))
    for title, purpose, username, candidate, days, size, notes in DEMO_PANELS:
        post = Post.objects.filter(title=title).first()
        officer = (
            Officer.objects.select_related("user").filter(user__username=username).first()
            if username
            else None
        )
        if post is None or (username and officer is None) or not serving:
            continue
        if Panel.objects.filter(post=post, purpose=purpose).exists():
            continue
        blocked = set(conflicted_members(serving, officer))
        members = [m for m in serving[:: max(len(serving) // size, 1)] if m not in blocked]
        panel_save(
            actor=recorder,
            purpose=purpose,
            post=post,
            officer=officer,
            candidate_name=candidate,
            meets_on=today + timedelta(days=days),
            members=members[:size],
            notes=notes,
        )
        created += 1
    return created
