"""What no page or email may show: our source documents' numbering ("001 §5.02", "Protocol 000,
section 4.6") or a requirement ID ("REG-2"). Used by the access world's pages and the browser
journeys alike."""

import re

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
