"""CSV that opens cleanly in a spreadsheet (REG-4 and every other export).

UTF-8 with a byte-order mark so Excel reads the accents and “quotes”, one header row, ISO dates,
Yes/No for booleans, and every cell a spreadsheet would run as a formula (=, +, -, @, or a tab or
carriage return first: OWASP "CSV injection") prefixed with ' so that it is shown as text.
Streamed line by line, so a large register is never held in memory.
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable, Iterator, Sequence

from django.http import StreamingHttpResponse
from django.utils import timezone

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """A value as a spreadsheet cell: empty for nothing, ISO dates, Yes/No, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.datetime):
        text = timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    elif isinstance(value, datetime.date):
        text = value.isoformat()
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


class _Line:
    """A file-like object for csv.writer that hands back each line instead of storing it."""

    def write(self, line: str) -> str:
        return line


def csv_lines(header: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    """The header (after the byte-order mark), then one line per row, each cell made safe."""
    writer = csv.writer(_Line())
    yield BOM + writer.writerow([csv_cell(cell) for cell in header])
    for row in rows:
        yield writer.writerow([csv_cell(cell) for cell in row])


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]):
    """A streamed download, never kept by browsers or proxies (people's details)."""
    response = StreamingHttpResponse(
        csv_lines(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
