"""The demo council's data: an English metropolitan borough, its officers and its members.

Everything here is fixed, so `seed_demo` builds the same council every time. A post slot is a
title, or (title, username) for a named person, or (title, VACANT) for a vacancy. Everyone else
gets the next name from FIRST_NAMES and LAST_NAMES.
"""

import datetime

from .models import CouncillorRole, StatutoryRole, Tier

VACANT = None

# Named people: username -> (first name, last name). The demo logins are among them.
PEOPLE = {
    "chief.executive": ("Helen", "Whitfield"),
    "director.demo": ("Daniel", "Hargreaves"),
    "ad.demo": ("Amira", "Siddiqui"),
    "manager.demo": ("Marcus", "Ellison"),
    "officer.demo": ("Olivia", "Brennan"),
    "monitoring.officer": ("Margaret", "Osei"),
    "deputy.monitoring.officer": ("Rhys", "Pemberton"),
    "chief.finance.officer": ("Caroline", "Ashworth"),
    "dem.services": ("Dominic", "Fairbairn"),
    "dem.services.manager": ("Sunita", "Kaur-Bains"),
    "asc.assistant.director": ("Judith", "Calloway"),
    "asc.acting.ad": ("Kwame", "Mensah-Boateng"),
    "cllr.demo": ("Catherine", "Rowntree"),
    "leader.group": ("Geoffrey", "Lindqvist"),
    "hr.manager": ("Bronwen", "Adeyemi"),
    "standards.chair": ("Rosalind", "Thackeray"),
}


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Fixed name pools for everyone else; person n is (FIRST[n % 60], LAST[37n % 80]), which is a
# different pair for each of the first 240 people.
FIRST_NAMES = _words(
    "James Sarah Mohammed Emma Thomas Aisha Liam Chloe Ryan Fatima Jack Grace Adam Hannah "
    "Oliver Zara Daniel Sophie Harry Amelia Samuel Lucy Joshua Priya Nathan Ellie Connor Megan "
    "Ben Jasmine Luke Rachel Ethan Holly Imran Katie Aaron Bethany Callum Nadia Joseph Laura "
    "Matthew Yasmin Owen Rebecca Kieran Alice Tom Charlotte Ravi Jade Lewis Hayley Dylan Zoe "
    "Farhan Abigail Jamie Niamh"
)
LAST_NAMES = _words(
    "Smith Jones Taylor Brown Williams Wilson Johnson Davies Patel Wright Robinson Thompson "
    "Evans Walker White Roberts Green Hall Wood Jackson Clarke Khan Hughes Edwards Turner Hill "
    "Moore Cooper Ward Morris Harris Martin King Lee Baker Harrison Morgan Allen James Scott "
    "Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter "
    "Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Begum Marshall Simpson "
    "Ellis Adams Singh Ahmed Chapman Webb Rogers Gray Mason Ali Hussain Campbell Matthews "
    "Owen Palmer Holmes"
)

CHIEF_EXECUTIVE = ("Chief Executive", "chief.executive")

# Structure helpers: they build plain tuples, which demo.py walks top-down.
# A directorate: (name, director slot, tier, [ADs]); an AD: (slot, [services]);
# a service: (name, head of service slot, [teams]); a team: (manager slot, [officer slots]).


def directorate(name, director, tier, *assistant_directors):
    return (name, director, tier, list(assistant_directors))


def ad(slot, *services):
    return (slot, list(services))


def service(name, head, *teams):
    return (name, head, list(teams))


def team(manager, *officers):
    return (manager, list(officers))


def times(n, title):
    return [title] * n


DIRECTORATES = [
    directorate(
        "Adults and Health",
        "Director of Adult Social Services",
        Tier.DIRECTOR,
        ad(
            ("Assistant Director, Adult Social Care", "asc.assistant.director"),
            service(
                "Adult Social Work",
                ("Head of Adult Social Work", "asc.acting.ad"),
                team("Adult Social Work Team Manager (North)", *times(3, "Social Worker")),
                team(
                    "Adult Social Work Team Manager (South)",
                    *times(2, "Social Worker"),
                    "Social Work Assistant",
                ),
            ),
            service(
                "Safeguarding Adults",
                "Head of Safeguarding Adults",
                team(
                    "Safeguarding Adults Manager",
                    *times(2, "Safeguarding Adults Practitioner"),
                    "Safeguarding Adults Officer",
                ),
            ),
        ),
        ad(
            "Assistant Director, Commissioning and Public Health",
            service(
                "Commissioning",
                "Head of Commissioning",
                team(
                    "Commissioning Manager", *times(2, "Commissioning Officer"), "Contracts Officer"
                ),
            ),
            service(
                "Public Health",
                "Consultant in Public Health",
                team(
                    "Public Health Programme Manager",
                    *times(2, "Public Health Officer"),
                    "Health Improvement Practitioner",
                ),
            ),
        ),
    ),
    directorate(
        "Children and Families",
        "Director of Children's Services",
        Tier.DIRECTOR,
        ad(
            "Assistant Director, Children's Social Care",
            service(
                "Children's Social Work",
                "Head of Children's Social Work",
                team("Assessment Team Manager", *times(3, "Children's Social Worker")),
                team(
                    "Child Protection Team Manager",
                    *times(2, "Children's Social Worker"),
                    "Family Support Worker",
                    "Independent Reviewing Officer",
                ),
            ),
            service(
                "Fostering and Adoption",
                "Head of Fostering and Adoption",
                team(
                    "Fostering Team Manager",
                    *times(2, "Supervising Social Worker"),
                    "Foster Carer Recruitment Officer",
                ),
            ),
        ),
        ad(
            "Assistant Director, Education and Inclusion",
            service(
                "School Admissions and Transport",
                "Head of School Admissions and Transport",
                team(
                    "Admissions Manager",
                    *times(3, "Admissions Officer"),
                    "Home to School Transport Officer",
                ),
            ),
            service(
                "Special Educational Needs and Disabilities",
                "Head of SEND",
                team(
                    "SEND Casework Manager",
                    *times(3, "SEND Caseworker"),
                    "Educational Psychologist",
                ),
            ),
        ),
    ),
    directorate(
        "Place and Environment",
        ("Director of Place and Environment", "director.demo"),
        Tier.DIRECTOR,
        ad(
            ("Assistant Director, Environment and Neighbourhoods", "ad.demo"),
            service(
                "Waste and Recycling",
                "Head of Waste and Recycling",
                team(
                    ("Collections Manager", "manager.demo"),
                    ("Waste Services Officer", "officer.demo"),
                    *times(2, "Waste Services Officer"),
                    "Recycling Officer",
                ),
                team("Street Cleansing Manager", *times(2, "Street Cleansing Supervisor")),
            ),
            service(
                "Environmental Health",
                "Head of Environmental Health",
                team(
                    "Environmental Health Manager",
                    *times(2, "Environmental Health Officer"),
                    "Food Safety Officer",
                    "Pest Control Officer",
                ),
            ),
        ),
        ad(
            "Assistant Director, Planning and Highways",
            service(
                "Planning",
                "Head of Planning",
                team(
                    "Development Management Manager",
                    *times(3, "Planning Officer"),
                    "Planning Enforcement Officer",
                ),
                team("Planning Policy Manager", *times(2, "Planning Policy Officer")),
            ),
            service(
                "Highways and Transport",
                ("Head of Highways and Transport", VACANT),
                team(
                    "Highways Maintenance Manager",
                    *times(2, "Highways Inspector"),
                    "Street Lighting Engineer",
                ),
            ),
        ),
    ),
    directorate(
        "Resources",
        "Executive Director of Resources",
        Tier.EXECUTIVE_DIRECTOR,
        ad(
            ("Director of Law and Governance", "monitoring.officer"),
            service(
                "Legal Services",
                ("Head of Legal Services", "deputy.monitoring.officer"),
                team("Principal Solicitor", *times(2, "Solicitor"), "Paralegal"),
            ),
            service(
                "Democratic and Electoral Services",
                "Head of Democratic and Electoral Services",
                team(
                    ("Democratic Services Manager", "dem.services.manager"),
                    ("Democratic Services Officer", "dem.services"),
                    "Democratic Services Officer",
                    "Electoral Services Officer",
                ),
            ),
            service(
                "Communications",
                "Head of Communications",
                team("Communications Manager", "Press Officer", "Digital Communications Officer"),
            ),
            # The Senior Human Resources Manager (STATUTORY_ROLES), beside the Monitoring
            # Officer on a member's complaint about the Chief Executive where the council's
            # rule says so.
            service("Human Resources", ("Head of Human Resources", "hr.manager")),
        ),
        ad(
            ("Assistant Director, Finance", "chief.finance.officer"),
            service(
                "Finance",
                "Head of Finance",
                team("Finance Business Partner", *times(2, "Accountant"), "Finance Officer"),
            ),
            service(
                "Revenues and Benefits",
                "Head of Revenues and Benefits",
                team("Benefits Manager", *times(3, "Benefits Assessor"), "Council Tax Officer"),
                team("Council Tax Manager", *times(2, "Council Tax Officer")),
            ),
        ),
    ),
    directorate(
        "Housing and Communities",
        "Director of Housing and Communities",
        Tier.DIRECTOR,
        ad(
            "Assistant Director, Housing",
            service(
                "Housing Options",
                "Head of Housing Options",
                team(
                    "Housing Options Manager",
                    *times(3, "Housing Options Officer"),
                    "Homelessness Prevention Officer",
                ),
            ),
            service(
                "Housing Management",
                "Head of Housing Management",
                team(
                    "Estate Management Manager",
                    *times(3, "Housing Officer"),
                    "Tenancy Sustainment Officer",
                ),
                team("Repairs Manager", *times(2, "Repairs Surveyor")),
            ),
        ),
        ad(
            "Assistant Director, Communities and Customer Services",
            service(
                "Customer Services",
                "Head of Customer Services",
                team("Contact Centre Manager", *times(5, "Customer Services Adviser")),
            ),
            service(
                "Community Safety",
                "Head of Community Safety",
                team(
                    "Community Safety Manager",
                    *times(2, "Community Safety Officer"),
                    "Anti-social Behaviour Officer",
                ),
            ),
        ),
    ),
]

_STATUTORY = "Statutory chief officer (Local Government and Housing Act 1989, s.2(6))"
_CHIEF = "Non-statutory chief officer reporting to the Head of Paid Service (s.2(7))"
_ADVISES = "Regularly advises the council, the Cabinet and committees (s.2(3))"
_MEDIA = "Speaks on behalf of the council to journalists and broadcasters (s.2(3))"

# 000 §8.2: politically restricted posts, by title.
RESTRICTED = {
    "Chief Executive": _STATUTORY,
    "Director of Adult Social Services": _STATUTORY,
    "Director of Children's Services": _STATUTORY,
    "Director of Law and Governance": _STATUTORY,
    "Assistant Director, Finance": _STATUTORY,
    "Director of Place and Environment": _CHIEF,
    "Executive Director of Resources": _CHIEF,
    "Director of Housing and Communities": _CHIEF,
    "Head of Democratic and Electoral Services": _ADVISES,
    "Democratic Services Manager": _ADVISES,
    "Democratic Services Officer": _ADVISES,
    "Head of Communications": _MEDIA,
    "Press Officer": _MEDIA,
}

STATUTORY_SINCE = datetime.date(2024, 4, 1)
STATUTORY_ROLES = {
    StatutoryRole.Kind.HEAD_OF_PAID_SERVICE: "chief.executive",
    StatutoryRole.Kind.MONITORING_OFFICER: "monitoring.officer",
    StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER: "deputy.monitoring.officer",
    StatutoryRole.Kind.CHIEF_FINANCE_OFFICER: "chief.finance.officer",
    StatutoryRole.Kind.SENIOR_HR_MANAGER: "hr.manager",
}

# The Head of Adult Social Work acts up while the Assistant Director is on secondment.
ACTING = [("Assistant Director, Adult Social Care", "asc.acting.ad", datetime.date(2027, 9, 30))]

DEMOCRATIC_SERVICES_STAFF = ["dem.services", "dem.services.manager"]

# --- Members ----------------------------------------------------------------------------------

TERM_START = datetime.date(2024, 5, 2)  # all-out elections
ANNUAL_MEETING = datetime.date(2024, 5, 22)

GROUPS = {
    "L": ("Labour Group", "Lab"),
    "C": ("Conservative Group", "Con"),
    "D": ("Liberal Democrat Group", "LD"),
    "G": ("Green Group", "Grn"),
}

# A ward: (name, one letter per seat for the member's group). 45 seats: Lab 24, Con 12,
# LD 6, Green 3.
WARDS = [
    ("Abbey", "LLL"),
    ("Ashfield", "CCC"),
    ("Brookside", "LLL"),
    ("Castle", "LLC"),
    ("Central", "LLL"),
    ("Church Hill", "CCC"),
    ("Eastgate", "LLL"),
    ("Fairfield", "DDD"),
    ("Greenbank", "GGL"),
    ("Highfield", "CCC"),
    ("Kingsway", "LLL"),
    ("Meadowbrook", "LL"),
    ("Millbrook", "DD"),
    ("Northgate", "LL"),
    ("Oakwood", "CC"),
    ("Riverside", "LG"),
    ("St Mary's", "DL"),
]

# Seats held by named people: (ward, seat index) -> username. The Standards Committee's chair
# holds the last seat, so the seats before it keep their names.
NAMED_SEATS = {
    ("Ashfield", 0): "leader.group",
    ("Ashfield", 1): "cllr.demo",
    ("St Mary's", 1): "standards.chair",
}

# Group leaders by seat; the Labour leader leads the council.
GROUP_LEADERS = {
    "L": ("Central", 0),
    "C": ("Ashfield", 0),
    "D": ("Fairfield", 0),
    "G": ("Greenbank", 0),
}

# Each group's contact for the protocol by seat (the Greens have not named one).
GROUP_CONTACTS = {
    "L": ("Brookside", 0),
    "C": ("Church Hill", 0),
    "D": ("Fairfield", 1),
}

_K = CouncillorRole.Kind
# (seat, kind, portfolio, committee)
COUNCILLOR_ROLES = [
    (("Central", 0), _K.LEADER, "", ""),
    (("Abbey", 0), _K.DEPUTY_LEADER, "", ""),
    (("Brookside", 0), _K.CABINET_MEMBER, "Adult Social Care and Health", ""),
    (("Eastgate", 0), _K.CABINET_MEMBER, "Children, Young People and Education", ""),
    (("Kingsway", 0), _K.CABINET_MEMBER, "Environment and Climate Emergency", ""),
    (("Meadowbrook", 0), _K.CABINET_MEMBER, "Housing and Communities", ""),
    (("Northgate", 0), _K.CABINET_MEMBER, "Finance and Resources", ""),
    (("Castle", 0), _K.CABINET_MEMBER, "Planning, Transport and Regeneration", ""),
    (("Central", 1), _K.COMMITTEE_CHAIR, "", "Planning Committee"),
    (("Eastgate", 1), _K.COMMITTEE_CHAIR, "", "Licensing Committee"),
    (("Church Hill", 0), _K.COMMITTEE_CHAIR, "", "Audit and Governance Committee"),
    (("Fairfield", 1), _K.COMMITTEE_CHAIR, "", "Overview and Scrutiny Management Board"),
    # Consulted by the Chief Executive before deciding on an upheld grievance against a member.
    (("St Mary's", 1), _K.STANDARDS_CHAIR, "", ""),
    (("Abbey", 2), _K.MAYOR, "", ""),
]

# Co-opted members: (first, last, committee), no ward or group.
CO_OPTED = [
    ("Bernadette", "Quinlan", "Standards Committee"),
    ("Anil", "Chaudhry", "Children and Young People Scrutiny Committee"),
]
CO_OPTED_SINCE = datetime.date(2024, 7, 1)

CLOSURE_DAYS = [
    (datetime.date(2026, 12, 24), "Christmas closure"),
    (datetime.date(2026, 12, 29), "Christmas closure"),
    (datetime.date(2026, 12, 30), "Christmas closure"),
    (datetime.date(2026, 12, 31), "Christmas closure"),
]

# Services whose casework, when nobody was approached, waits in a team queue.
TEAM_QUEUE_SERVICES = ("Waste and Recycling",)


# How the people in some posts work for the council (everyone else is an employee): agency
# staff and contractors count as officers under the protocol unless the council's rule says
# employees only.
EMPLOYMENT_TYPES = {
    "Social Work Assistant": "agency",
    "Contracts Officer": "contractor",
}
