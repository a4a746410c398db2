"""The report's tables: each a caption, its columns and rows, shown on the page and written to
the CSV download from the same data, so the two never disagree."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from datetime import date

from advice.models import Topic
from complaints.models import Complaint, Outcome
from declarations.models import Side
from notices.models import WardNotice
from registers.models import TrainingSession

from . import informed
from . import selectors as s
from .advice_figures import advice_by_topic, declarations_rows, lobbying_counts
from .selectors import Period
from .top_figures import complaints_at_the_top

# The chart's drawing units: a label line holds about 48 characters at 14 units a letter.
CHART_WIDTH = 400
CHART_BAR_WIDTH = 320
CHART_LINE_CHARS = 48
LINE_HEIGHT = 17


@dataclass
class Table:
    slug: str  # the CSV file's name
    caption: str
    columns: list[str]
    rows: list[list]
    heads: int = 1  # how many leading columns label the row
    total: list | None = None
    notes: str = ""
    chart: str = ""  # a column to draw as a bar chart beside the table
    numeric: list[bool] = field(init=False)

    def __post_init__(self):
        self.numeric = [i >= self.heads for i in range(len(self.columns))]

    @property
    def all_rows(self) -> list[list]:
        return [*self.rows, self.total] if self.total else self.rows

    @property
    def bars(self) -> list[dict]:
        """The chart's bars: one a row, its length a share of the longest (or of 100 for a
        percentage). Rows with nothing to show are left out; the table still has them."""
        if not self.chart:
            return []
        index = self.columns.index(self.chart)
        found = [
            (" ".join(str(cell) for cell in row[: self.heads] if cell), row[index])
            for row in self.rows
            if row[index] is not None
        ]
        scale = 100 if "(%)" in self.chart else max((value for _, value in found), default=0)
        return [
            {"label": label, "value": value, "percent": round(100 * value / scale) if scale else 0}
            for label, value in found
        ]

    @property
    def chart_layout(self) -> dict:
        """Where each bar goes in the chart: its whole label on lines of its own above the bar
        (never cut off, on a phone as on a laptop), then the bar and its figure."""
        y, rows = 0, []
        for bar in self.bars:
            lines = textwrap.wrap(str(bar["label"]), CHART_LINE_CHARS) or [""]
            label_y = [y + LINE_HEIGHT * (n + 1) for n in range(len(lines))]
            bar_y = y + LINE_HEIGHT * len(lines) + 4
            rows.append(
                {
                    **bar,
                    "lines": list(zip(lines, label_y, strict=True)),
                    "bar_y": bar_y,
                    "text_y": bar_y + 14,
                    "width": round(CHART_BAR_WIDTH * bar["percent"] / 100),
                    "value_x": round(CHART_BAR_WIDTH * bar["percent"] / 100) + 6,
                }
            )
            y = bar_y + 18 + 10
        return {"rows": rows, "height": y, "width": CHART_WIDTH}


def _num(value):
    """A share or a median: whole numbers as such, others to one decimal place."""
    if value is None:
        return None
    value = round(float(value), 1)
    return int(value) if value.is_integer() else value


ENQUIRY_COLUMNS = [
    ("received", "Received"),
    ("answered", "Answered"),
    ("on_time", "Answered on time"),
    ("late", "Answered late"),
    ("open_overdue", "Open and overdue"),
    ("share", "Share on time (%)"),
    ("median_days", "Median working days to reply"),
    ("holding_replies", "Holding replies"),
    ("extensions", "Extensions agreed"),
    ("declined", "Declined"),
    ("reopened", "Reopened by a follow-up"),
    ("escalated", "Escalated"),
]
FORMATTED = {"share", "median_days"}


def _enquiry_cells(row: dict, rungs) -> list:
    cells = [_num(row[k]) if k in FORMATTED else row[k] for k, _ in ENQUIRY_COLUMNS]
    return cells + [row[f"rung_{rung}"] for rung, _ in rungs]


def enquiry_tables(period: Period, directorate_id: int | None = None) -> list[Table]:
    rungs = s.escalation_rungs()
    figures = [label for _, label in ENQUIRY_COLUMNS] + [
        f"Escalated to rung {rung + 1} ({label})" for rung, label in rungs
    ]
    scope = {"directorate_id": directorate_id}
    return [
        Table(
            "enquiries-by-service",
            "Members' enquiries by directorate and service",
            ["Directorate", "Service", *figures],
            [
                [r["service__directorate__name"], r["service__name"], *_enquiry_cells(r, rungs)]
                for r in s.enquiries_by_service(period, **scope)
            ],
            heads=2,
            total=["All", "", *_enquiry_cells(s.enquiries_total(period, **scope), rungs)],
            chart="Share on time (%)",
        ),
        Table(
            "enquiries-by-month",
            "Members' enquiries by month received",
            ["Month", *figures],
            [
                [f"{r['month']:%B %Y}", *_enquiry_cells(r | {"median_days": None}, rungs)]
                for r in s.enquiries_by_month(period, **scope)
            ],
            chart="Received",
        ),
        Table(
            "escalations-by-rung",
            "Escalations of overdue enquiries by rung of the ladder",
            ["Rung", "Escalations", "Enquiries escalated"],
            [
                [f"{r['rung'] + 1}: {r['label']}", r["escalations"], r["enquiries"]]
                for r in s.escalations_by_rung(period, **scope)
            ],
        ),
    ]


def complaint_tables(period: Period) -> list[Table]:
    directions = list(Complaint.Direction)
    medians = s.complaint_median_days(period)
    return [
        Table(
            "complaints-by-direction",
            "Complaints by direction",
            [
                "Direction",
                "Received",
                "Still open",
                "Resolved",
                "Referred",
                "Withdrawn",
                "Went beyond stage 1",
                "Referred to the Standards Committee",
                "Median working days to close",
            ],
            [
                [
                    Complaint.Direction(r["direction"]).label,
                    *(r[k] for k in ("received", "open", "resolved", "referred", "withdrawn")),
                    r["beyond_first_stage"],
                    r["to_standards_committee"],
                    _num(medians.get(r["direction"])),
                ]
                for r in s.complaints_by_direction(period)
            ],
        ),
        Table(
            "complaints-by-stage",
            "Complaints by the highest stage reached",
            ["Stage reached", "All", *(d.label for d in directions)],
            [
                [f"Stage {r['stage_number']}", r["total"], *(r[d.value] for d in directions)]
                for r in s.complaints_by_stage(period)
            ],
        ),
        Table(
            "complaints-by-outcome",
            "Complaints by outcome",
            ["Outcome", "All", *(d.label for d in directions)],
            [
                [Outcome(r["outcome"]).label, r["total"], *(r[d.value] for d in directions)]
                for r in s.complaints_by_outcome(period)
            ],
            chart="All",
        ),
        _top_table(period),
    ]


def _top_table(period: Period) -> Table:
    counts = complaints_at_the_top(period)
    rows = [
        (
            "Complaints about the Chief Executive handled by the Monitoring Officer and the "
            "Senior Human Resources Manager together",
            counts["joint"],
        ),
        (
            "Upheld complaints about a member sent to the Chief Executive",
            counts["to_chief_executive"],
        ),
        ("Of those, the Chief Executive's decision recorded", counts["decided"]),
        (
            "Complaints about a member an officer took straight to the Standards Committee",
            counts["straight_to_standards_committee"],
        ),
        ("The Chief Executive's rulings on interpreting the protocol", counts["rulings"]),
    ]
    return Table(
        "complaints-at-the-top",
        "Complaints at the top of the council, and rulings on the protocol",
        ["Route", "Number"],
        [list(row) for row in rows],
        notes="Complaints made in the period; rulings dated in it.",
    )


def register_tables(period: Period) -> list[Table]:
    return [
        Table(
            "declarations",
            "Relationship declarations",
            ["Declared by", "Made", "Reviewed", "Re-confirmed", "Lapsed", "Withdrawn"],
            [
                [
                    Side(r["declarer_side"]).label,
                    *(r[k] for k in ("made", "reviewed", "reconfirmed", "lapsed", "withdrawn")),
                ]
                for r in declarations_rows(period)
            ],
            chart="Made",
        ),
        Table(
            "visits",
            "Members' visits to council premises by directorate",
            [
                "Directorate",
                "Visits",
                "Arranged",
                "Not yet arranged",
                "Cancelled",
                "Unannounced",
                "To schools",
            ],
            [
                [
                    r["directorate__name"],
                    r["visits"],
                    r["arranged"],
                    r["not_arranged"],
                    r["cancelled"],
                    r["unannounced"],
                    r["schools"],
                ]
                for r in s.visits_by_directorate(period)
            ],
            chart="Visits",
        ),
        Table(
            "training-by-kind",
            "Member training and induction",
            ["Kind", "Sessions", "Places", "Attended", "Members who attended"],
            [
                [
                    TrainingSession.Kind(r["kind"]).label,
                    r["sessions"],
                    r["places"],
                    r["attended"],
                    r["councillors"],
                ]
                for r in informed.counts_by_kind(period)["training"]
            ],
        ),
        Table(
            "training-by-group",
            "Training attendance by political group",
            ["Political group", "Attendances", "Members who attended"],
            [
                [r["councillor__group__name"] or "No group", r["attended"], r["councillors"]]
                for r in s.training_by_group(period)
            ],
            chart="Attendances",
        ),
    ]


def briefing_tables(period: Period) -> list[Table]:
    keys = ("requested", "declined", "notes_issued", "attendances", "offered", "received")
    return [
        Table(
            "briefings-by-group",
            "Briefings and officer attendance by political group",
            [
                "Political group",
                "Briefings asked for",
                "Declined",
                "Notes issued",
                "Officer attendances",
                "Notes offered to the group",
                "Offers taken up",
            ],
            [[r["name"], *(r[k] for k in keys)] for r in s.briefings_by_group(period)],
            chart="Briefings asked for",
        )
    ]


ADVICE_COLUMNS = [
    ("asked", "Asked"),
    ("by_officers", "Asked by officers"),
    ("advised", "Advised"),
    ("withdrawn", "Withdrawn"),
    ("waiting", "Awaiting advice"),
    ("overdue", "Went overdue"),
]


def advice_tables(period: Period) -> list[Table]:
    lobbying = lobbying_counts(period)
    return [
        Table(
            "advice-by-topic",
            "Advice asked of the Monitoring Officer by topic",
            ["Topic", *(label for _, label in ADVICE_COLUMNS)],
            [
                [Topic(r["topic"]).label, *(r[k] for k, _ in ADVICE_COLUMNS)]
                for r in advice_by_topic(period)
            ],
            chart="Asked",
        ),
        Table(
            "lobbying",
            "Lobbying about employment reported to the Monitoring Officer",
            ["Reports", "Made", "Action recorded"],
            [
                [
                    "Lobbying by officers about their own employment",
                    lobbying["reported"],
                    lobbying["actioned"],
                ]
            ],
        ),
    ]


def informed_tables(period: Period) -> list[Table]:
    kinds = dict(WardNotice.Kind.choices)
    counts = informed.counts_by_kind(period)
    meetings = "Members' public meetings the relevant officer was told of"
    return [
        Table(
            "keeping-members-informed",
            "Notices to ward members, and members' public meetings",
            ["What", "Recorded", "Withdrawn or cancelled"],
            [
                *(
                    [kinds.get(r["kind"], r["kind"]), r["recorded"], r["ended"]]
                    for r in counts["notice"]
                ),
                *([meetings, r["recorded"], r["ended"]] for r in counts[informed.MEMBER_MEETINGS]),
            ],
            chart="Recorded",
        )
    ]


def report_tables(period: Period) -> list[tuple[str, list[Table]]]:
    """The whole report, in sections."""
    return [
        ("Members' enquiries", enquiry_tables(period)),
        ("Complaints between members and officers", complaint_tables(period)),
        ("Declarations, visits and training", register_tables(period)),
        ("Keeping local members informed", informed_tables(period)),
        ("Briefings for political groups", briefing_tables(period)),
        ("Advice from the Monitoring Officer and lobbying", advice_tables(period)),
    ]


def period_label(period: Period) -> str:
    last = date.fromordinal(period.end.toordinal() - 1)
    return f"{period.start.day} {period.start:%B %Y} to {last.day} {last:%B %Y}"
