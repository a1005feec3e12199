"""The curator report: what users asked that Wegwijzer could not answer, what they disliked,
which passages never come up or are due for a check, how much each channel is used, and the
open suggestions of example questions (`assistant.curate`)."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from assistant.analysis import content_tokens
from assistant.core import Assistant
from assistant.corpus import STALE_AFTER_MONTHS, stale_passages
from assistant.formats import REPORT_FORMATS
from assistant.store import Store, StoredQuestion

if TYPE_CHECKING:  # curate builds on this module (group_similar), so only for the type
    from assistant.curate import Suggestion

SIMILARITY = 0.5  # Jaccard overlap of content words above which two questions are grouped
FORMATS = REPORT_FORMATS


@dataclass(frozen=True)
class QuestionGroup:
    example: str
    count: int
    questions: tuple[str, ...]


@dataclass(frozen=True)
class Disliked:
    question: str
    passage_id: str | None
    title: str | None
    reason: str | None


@dataclass(frozen=True)
class DayCount:
    day: str
    channel: str
    questions: int
    answered: int


@dataclass(frozen=True)
class CuratorReport:
    since: str
    generated: str
    unanswered: tuple[QuestionGroup, ...]
    partial: tuple[QuestionGroup, ...]
    unsure: tuple[QuestionGroup, ...]
    disliked: tuple[Disliked, ...]
    never_returned: tuple[tuple[str, str], ...]  # (id, title)
    stale: tuple[tuple[str, str], ...]  # (id, checked)
    per_day: tuple[DayCount, ...]
    suggestions: tuple[Suggestion, ...] = ()  # open suggested example questions


def build_report(
    store: Store,
    assistant: Assistant,
    *,
    since: dt.date,
    today: dt.date,
    suggestions: Sequence[Suggestion] = (),
) -> CuratorReport:
    """Gather the report from the question log and the corpus.

    Args:
        store: the question log.
        assistant: the assistant over the corpus the log's passage ids refer to.
        since: the first day reported.
        today: the last day reported, and the reference for stale passages.
        suggestions: the open suggestions to show (`curate.propose(...).suggestions`).
    """
    start = dt.datetime.combine(since, dt.time(), tzinfo=dt.UTC)
    questions = store.questions(start)
    by_id = {q.id: q for q in questions}
    returned = {pid for q in questions for pid in q.passages}
    disliked = []
    for feedback in store.feedback(start):
        if feedback.vote < 0:
            question = by_id.get(feedback.question_id)
            passage = assistant.passage(feedback.passage_id) if feedback.passage_id else None
            disliked.append(
                Disliked(
                    question.question if question else "",
                    feedback.passage_id,
                    passage.title if passage else None,
                    feedback.reason,
                )
            )
    analyse = assistant.terms

    def grouped(keep: Callable[[StoredQuestion], bool]) -> tuple[QuestionGroup, ...]:
        return tuple(group_similar([q.question for q in questions if keep(q)], analyse))

    return CuratorReport(
        since=since.isoformat(),
        generated=today.isoformat(),
        # Rows logged before outcomes were stored have outcome "" and count by `answered`.
        unanswered=grouped(lambda q: q.outcome == "not_answered" or not (q.outcome or q.answered)),
        partial=grouped(lambda q: q.outcome == "partial"),
        unsure=grouped(lambda q: q.answered and q.unsure),
        disliked=tuple(disliked),
        never_returned=tuple((p.id, p.title) for p in assistant.passages if p.id not in returned),
        stale=tuple(_stale(assistant, today)),
        per_day=tuple(_per_day(questions)),
        suggestions=tuple(suggestions),
    )


def group_similar(
    questions: list[str], analyse: Callable[[str], list[str]] = content_tokens
) -> list[QuestionGroup]:
    """Group questions whose analysed words overlap (Jaccard >= SIMILARITY); largest first."""
    groups: list[tuple[set[str], list[str]]] = []
    for question in questions:
        words = set(analyse(question)) or {question.strip().lower()}
        for group_words, members in groups:
            union = words | group_words
            if union and len(words & group_words) / len(union) >= SIMILARITY:
                members.append(question)
                group_words |= words
                break
        else:
            groups.append((words, [question]))
    ordered = sorted(groups, key=lambda g: -len(g[1]))
    return [QuestionGroup(members[0], len(members), tuple(members)) for _, members in ordered]


def _stale(assistant: Assistant, today: dt.date) -> list[tuple[str, str]]:
    corpus = assistant.corpus
    return [(p.id, p.checked) for p in stale_passages(corpus.passages, corpus.sources, today)]


def _per_day(questions: list) -> list[DayCount]:  # list[StoredQuestion]
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for q in questions:
        entry = counts[(q.asked_at[:10], q.channel)]
        entry[0] += 1
        entry[1] += int(q.answered)
    return [DayCount(day, channel, n, a) for (day, channel), (n, a) in sorted(counts.items())]


def render(report: CuratorReport, fmt: str) -> str:
    """The report as text, JSON, CSV or a self-contained HTML page."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}; got {fmt!r}")
    return {"text": render_text, "json": render_json, "csv": render_csv, "html": render_html}[fmt](
        report
    )


def render_json(report: CuratorReport) -> str:
    """The report as JSON: readable letters of any script, but control and format characters
    as ``\\u`` escapes (`json_escaped`)."""
    return json_escaped(json.dumps(asdict(report), ensure_ascii=False, indent=2))


def json_escaped(dumped: str) -> str:
    """JSON from ``json.dumps(..., ensure_ascii=False)`` with every control, format or
    separator character written as its ``\\u`` escape.

    json.dumps escapes only C0 controls: a C1 control (U+009B starts an escape sequence) or a
    bidi override (U+202E) in a logged question would reach the terminal of a curator who
    reads the file. The data reads back unchanged; outside strings JSON has only spaces and
    the indentation's line breaks, which stay.
    """
    if all(ch == "\n" or unicodedata.category(ch) not in _INVISIBLE for ch in dumped):
        return dumped
    return "".join(
        json.dumps(ch)[1:-1]  # ASCII-only: "\\u202e", or a surrogate pair beyond U+FFFF
        if ch != "\n" and unicodedata.category(ch) in _INVISIBLE
        else ch
        for ch in dumped
    )


def render_text(report: CuratorReport) -> str:
    lines = [f"Wegwijzer curator report, {report.since} to {report.generated}", ""]
    lines.append(
        f"Questions without a reliable answer ({sum(g.count for g in report.unanswered)}):"
    )
    lines += [f"  {g.count:3d}x  {g.example}" for g in report.unanswered] or ["  none"]
    lines += ["", f"Partial answers: subject found, asked fact missing ({_total(report.partial)}):"]
    lines += [f"  {g.count:3d}x  {g.example}" for g in report.partial] or ["  none"]
    lines += ["", f"Answers given with a caution ({_total(report.unsure)}):"]
    lines += [f"  {g.count:3d}x  {g.example}" for g in report.unsure] or ["  none"]
    lines += ["", f"Answers with a thumbs down ({len(report.disliked)}):"]
    lines += [
        f"  {d.passage_id or '-'}: {d.question!r} (reason: {d.reason or '-'})"
        for d in report.disliked
    ] or ["  none"]
    lines += ["", f"Passages never returned ({len(report.never_returned)}):"]
    lines += [f"  {pid}  {title}" for pid, title in report.never_returned] or ["  none"]
    stale = f"Passages checked more than {STALE_AFTER_MONTHS} months ago ({len(report.stale)}):"
    lines += ["", stale]
    lines += [f"  {pid}  checked {checked}" for pid, checked in report.stale] or ["  none"]
    lines += ["", "Questions per day and channel (answered):"]
    lines += [
        f"  {d.day}  {d.channel:9s} {d.questions:4d} ({d.answered})" for d in report.per_day
    ] or ["  none"]
    lines += ["", f"Suggested example questions, open ({len(report.suggestions)}; see `curate`):"]
    lines += [
        f"  {s.id}  {s.count:3d}x  {s.passage_id}: {s.question}" for s in report.suggestions
    ] or ["  none"]
    return "\n".join(visible(line) for line in lines) + "\n"


# Characters a terminal acts on or that change how a line reads: controls (ESC starts an
# escape sequence that can recolour, retitle or clear the curator's terminal; BEL rings; a
# line break would forge a line of the report), and format characters such as the bidi
# overrides (U+202E shows a question's words backwards, in a browser too). A logged question
# may hold any.
_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp"})


def visible(text: str) -> str:
    """`text` for a terminal or a page: every control, format or line-separator character
    written as its Python escape (``\\x1b``, ``\\u202e``), so the curator sees it and nothing
    acts on it."""
    if all(unicodedata.category(ch) not in _INVISIBLE for ch in text):
        return text
    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) in _INVISIBLE
        else ch
        for ch in text
    )


def _total(groups: tuple[QuestionGroup, ...]) -> int:
    return sum(g.count for g in groups)


def render_csv(report: CuratorReport) -> str:
    """One long table: section, item, detail, count; every cell safe to open in a spreadsheet
    (`csv_cell`)."""
    out = io.StringIO()
    writer = csv.writer(out)

    def row(*cells: object) -> None:
        writer.writerow([csv_cell(cell) for cell in cells])

    row("section", "item", "detail", "count")
    for section in ("unanswered", "partial", "unsure"):
        for g in getattr(report, section):
            row(section, g.example, " | ".join(g.questions), g.count)
    for d in report.disliked:
        row("disliked", d.passage_id or "", f"{d.question} [{d.reason or ''}]", 1)
    for pid, title in report.never_returned:
        row("never_returned", pid, title, 0)
    for pid, checked in report.stale:
        row("stale", pid, checked, "")
    for d in report.per_day:
        row("per_day", d.day, d.channel, d.questions)
    for s in report.suggestions:
        row("suggestion", s.id, f"{s.passage_id}: {s.question}", s.count)
    return out.getvalue()


# A spreadsheet reads a cell that starts with one of these as a formula: a user's question
# `=HYPERLINK("http://evil","x")` would become a link in the curator's sheet, `+cmd|' /C calc'!A0`
# a command. OWASP's advice ("CSV Injection"): start such a cell with a quote, which the
# spreadsheet shows as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """`value` as a CSV cell a spreadsheet shows and never runs: text that opens like a
    formula gets a leading ``'``; numbers and other text are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def render_html(report: CuratorReport) -> str:
    """One self-contained page (no scripts, no external files) with a small SVG chart.

    A cell shows control and format characters as escapes (`visible`): html.escape leaves
    them, and a bidi override in a logged question would show it backwards in the browser.
    """
    e = html.escape

    def rows(cells: list) -> str:
        return "".join(
            "<tr>" + "".join(f"<td>{e(visible(str(c)))}</td>" for c in row) + "</tr>"
            for row in cells
        )

    sections = [
        (
            "Vragen zonder betrouwbaar antwoord",
            ["aantal", "voorbeeld", "alle vragen"],
            [(g.count, g.example, " · ".join(g.questions)) for g in report.unanswered],
        ),
        (
            "Gedeeltelijke antwoorden: onderwerp gevonden, gevraagd feit ontbreekt",
            ["aantal", "voorbeeld", "alle vragen"],
            [(g.count, g.example, " · ".join(g.questions)) for g in report.partial],
        ),
        (
            "Antwoorden met een voorbehoud (niet zeker)",
            ["aantal", "voorbeeld", "alle vragen"],
            [(g.count, g.example, " · ".join(g.questions)) for g in report.unsure],
        ),
        (
            "Antwoorden met 👎",
            ["passage", "vraag", "reden"],
            [
                (d.title or d.passage_id or "-", d.question, d.reason or "-")
                for d in report.disliked
            ],
        ),
        ("Passages die nooit getoond werden", ["id", "titel"], list(report.never_returned)),
        (
            f"Passages ouder dan {STALE_AFTER_MONTHS} maanden nagekeken",
            ["id", "nagekeken"],
            list(report.stale),
        ),
        (
            "Vragen per dag en kanaal",
            ["dag", "kanaal", "vragen", "beantwoord"],
            [(d.day, d.channel, d.questions, d.answered) for d in report.per_day],
        ),
        (
            "Voorgestelde voorbeeldvragen (wegwijzer curate)",
            ["id", "passage", "voorstel", "aantal"],
            [(s.id, s.passage_title, s.question, s.count) for s in report.suggestions],
        ),
    ]
    body = "".join(
        f"<h2>{e(title)} ({len(items)})</h2><table><tr>"
        + "".join(f"<th>{e(h)}</th>" for h in head)
        + "</tr>"
        + rows(items)
        + "</table>"
        for title, head, items in sections
    )
    return (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
        "<title>Wegwijzer: rapport voor curatoren</title><style>"
        "body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;color:#222}"
        "table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}"
        "td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;"
        "vertical-align:top}th{background:#f3f3f3}</style></head><body>"
        f"<h1>Wegwijzer: rapport voor curatoren</h1><p>Van {e(report.since)} tot "
        f"{e(report.generated)}.</p>{_chart(report)}{body}</body></html>\n"
    )


def _chart(report: CuratorReport) -> str:
    """Bars: questions per day (all channels); dots: the share answered (right-hand scale)."""
    days: Counter[str] = Counter()
    answered: Counter[str] = Counter()
    for d in report.per_day:
        days[d.day] += d.questions
        answered[d.day] += d.answered
    if not days:
        return "<p>Nog geen vragen in deze periode.</p>"
    ordered = sorted(days)
    left, top, plot_h, bar, gap = 40, 10, 140, min(36, max(4, 600 // len(ordered) - 4)), 4
    width = left + len(ordered) * (bar + gap) + 50
    peak = max(days.values())
    label_every = max(1, len(ordered) // 8)
    parts = [
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 30}" y2="{top + plot_h}" '
        'stroke="#999"/>',
        f'<text x="{left - 6}" y="{top + 10}" text-anchor="end" font-size="11">{peak}</text>',
        f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end" font-size="11">0</text>',
        f'<text x="{width - 26}" y="{top + 10}" font-size="11" fill="#e07b00">100%</text>',
    ]
    for i, day in enumerate(ordered):
        x = left + i * (bar + gap)
        h = round(days[day] / peak * plot_h)
        share = answered[day] / days[day]
        tip = f"{day}: {days[day]} vragen, {share:.0%} beantwoord"
        parts.append(
            f'<rect x="{x}" y="{top + plot_h - h}" width="{bar}" height="{h}" fill="#1f6fb2">'
            f"<title>{html.escape(tip)}</title></rect>"
            f'<circle cx="{x + bar / 2}" cy="{top + plot_h - share * plot_h:.1f}" r="4" '
            'fill="#e07b00"/>'
        )
        if i % label_every == 0:
            parts.append(
                f'<text x="{x}" y="{top + plot_h + 16}" font-size="11">'
                f"{html.escape(day[5:])}</text>"
            )
    return (
        f'<figure><svg role="img" aria-label="Vragen per dag" width="{width}" '
        f'height="{top + plot_h + 24}" viewBox="0 0 {width} {top + plot_h + 24}" '
        f'font-family="sans-serif">{"".join(parts)}</svg>'
        "<figcaption>Balken: vragen per dag (alle kanalen). Oranje punten: aandeel "
        "beantwoord.</figcaption></figure>"
    )
