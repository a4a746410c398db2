"""What no page or email may show: our source documents' numbering ("001 §5.02", "Protocol 000,
section 4.6") or a requirement ID ("REG-2"). Used by the access world's pages and the browser
journeys alike."""

import re
from html.parser import HTMLParser

CITATION = re.compile(
    r"\b00[0-4] ?§|§ ?[0-9]|Protocol 00[0-4]|\bsection [0-9]"
    r"|\b(?:ORG|ENQ|CMP|REG|GRP|RPT|WARD|ELE|CASE|DATA|MORE)-[0-9]+\b"
)
# A case's own reference looks like a requirement ID: ENQ-2026-000123 is not one.
REFERENCE = re.compile(r"\b[A-Z]{2,5}-20[0-9]{2}-[0-9]+\b")


def citations(text: str) -> list[str]:
    """Each citation in `text`, with a little of what surrounds it."""
    text = REFERENCE.sub("", text)
    return sorted({text[max(0, m.start() - 40) : m.end() + 10] for m in CITATION.finditer(text)})


# --- Sentence case, empty options and "None" --------------------------------------------------

# Role titles the council capitalises, and the names of things that are proper nouns.
PROPER = [
    "Deputy Monitoring Officer",
    "Monitoring Officer",
    "Deputy Chief Executive",
    "Chief Executive",
    "Chief Finance Officer",
    "Senior Human Resources Manager",
    "Section 151 Officer",
    "Head of Paid Service",
    "Head of Service",
    "Assistant Directors",
    "Assistant Director",
    "Directors",
    "Director",
    "Group Leaders",
    "Group Leader",
    "Deputy Leader",
    "Leader of the Council",
    "Cabinet/Lead Members",
    "Cabinet/Lead Member",
    "Cabinet Member",
    "Lead Member",
    "Standards Committee",
    "Protocol on Member/Officer Relations",
    "Freedom of Information Act",
    "Freedom of Information",
    "Code of Recommended Practice on Local Authority Publicity",
    "Whistleblowing Policy",
    "Member/Officer Protocol",
    "Member/Officer",
    "GOV.UK",
]
MONTHS_AND_DAYS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    *[
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
    ],
]
# An example in a hint names real-looking places and things: "for example, Mill Lane".
EXAMPLE = re.compile(r"\b(?:for example|e\.g\.).*", re.I | re.S)
CAPITALISED = re.compile(r"^[A-Z][a-z'’]+(?:[-/][A-Za-z'’]+)*$")
SENTENCE_BREAK = re.compile(r"[.!?:;()\[\]|—–•\n]|\s-\s|,\s")


def title_case(text: str, proper: list[str]) -> list[str]:
    """Each run of two or more capitalised words that is not a proper noun: "Date Received",
    "Send Holding Reply" (a sentence's first word counts, so "Date Received" is found)."""
    text = EXAMPLE.sub("", text)
    for name in sorted({*PROPER, *proper}, key=len, reverse=True):
        if name and name in text:
            text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ~ ", text)
    found = []
    for sentence in SENTENCE_BREAK.split(text):
        run = []
        for word in [*sentence.split(), "~"]:
            if CAPITALISED.match(word) and word not in MONTHS_AND_DAYS:
                run.append(word)
                continue
            if len(run) >= 2:
                found.append(" ".join(run))
            run = []
    return found


WATCHED = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "label",
    "legend",
    "button",
    "th",
    "dt",
    "caption",
    "summary",
    "title",
}
WATCHED_CLASSES = ("govuk-button", "govuk-hint", "govuk-summary-list__key", "govuk-tabs__tab")
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class PageWords(HTMLParser):
    """A page's headings, labels, buttons, hints and table headers (`chrome`), every piece of
    text, and the values its inputs show."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.buffers: list[list[str]] = []
        self.chrome: list[str] = []
        self.texts: list[str] = []
        self.values: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") not in ("hidden", "checkbox", "radio"):
            self.values.append(attrs.get("value") or "")
        if tag in VOID:
            return
        classes = (attrs.get("class") or "").split()
        watched = tag in WATCHED or any(c in WATCHED_CLASSES for c in classes)
        self.stack.append((tag, watched))
        if watched:
            self.buffers.append([])

    def handle_endtag(self, tag):
        if tag in VOID or not any(t == tag for t, _ in self.stack):
            return
        while self.stack:
            open_tag, watched = self.stack.pop()
            if watched:
                text = " ".join(" ".join(self.buffers.pop()).split())
                if text:
                    self.chrome.append(text)
            if open_tag == tag:
                break

    def handle_data(self, data):
        if any(t in ("script", "style") for t, _ in self.stack):
            return
        self.texts.append(data.strip())
        for buffer in self.buffers:
            buffer.append(data)


EMPTY_OPTION = "---------"


def shown_empty(html: str) -> list[str]:
    """Django's "---------" empty option, and "None" shown where a value is missing."""
    words = PageWords(html)
    texts = [text for text in words.texts if text]
    found = [
        text if text == EMPTY_OPTION else f"None (after “{texts[i - 1] if i else ''}”)"
        for i, text in enumerate(texts)
        if EMPTY_OPTION in text or text == "None"
    ]
    return found + [f'value="{v}"' for v in words.values if v == "None"]
