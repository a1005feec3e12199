"""Suggestions from use: example questions for passages, and topics for new passages.

`wegwijzer curate` reads the question log and proposes, per passage, questions users asked that
the passage served well (a 👍, the passage opened in full, the passage picked when the bot asked
which one was meant), and wordings the corpus missed: a question refused or disliked, then asked
again in other words by the same user within `REPHRASE_WINDOW` and answered with the passage.
Similar questions are grouped per passage, the most frequent first. Refused questions that no
rephrasing rescued are grouped as candidates for new passages.

`write_suggestions` adds accepted questions to the passages' YAML files through a round-trip
YAML library (ruamel.yaml), so every comment, key order, quote and line stays as it was, and
validates the corpus afterwards (restoring every file when it fails).

A suggestion carries no user key, and a curator's decision is kept as a key derived from the
passage id and the folded question (`suggestion_key`), never as the text or with a user.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import difflib
import hashlib
import io
import json
import os
import re
import stat
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedSeq
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.error import YAMLError

from assistant.analysis import fold
from assistant.core import Assistant
from assistant.corpus import Corpus, CorpusError, load_corpus
from assistant.formats import CURATE_FORMATS
from assistant.models import Passage
from assistant.report import QuestionGroup, group_similar
from assistant.store import Store, StoredFeedback, StoredInterest, StoredQuestion

# A refused or disliked question counts as the wording of a later, answered one by the same
# user only within this time: long enough to retype, short enough to be the same need.
REPHRASE_WINDOW = dt.timedelta(minutes=5)
MIN_LENGTH, MAX_LENGTH = 8, 200  # characters of a question worth proposing
ID_LENGTH = 8  # hex characters of a suggestion's id
FORMATS = CURATE_FORMATS
# (mapping indent, sequence indent, dash offset) of the layouts a corpus file may have: the
# bundled corpus's (`questions:` then `    - ...`), then PyYAML's (`questions:` then `- ...`).
# A file is written in the first that reproduces it unchanged.
LAYOUTS = ((2, 4, 2), (2, 2, 0))
LINE_WIDTH = 4096  # never re-wrap a line

_EMAIL_OR_HANDLE = re.compile(r"@\w")
_URL = re.compile(
    r"https?://|www\.|\b[\w-]+\.(?:be|nl|com|eu|org|net|info|io|fr|de|uk)\b", re.IGNORECASE
)
_DIGIT_RUN = re.compile(r"\+?\d[\d ./()-]*\d")
MAX_DIGITS = 8  # a run of more digits (spaces, dots, slashes between) is a phone or account


class Evidence(StrEnum):
    """Why a question is proposed for a passage."""

    THUMBS_UP = "thumbs_up"  # a 👍 on the answer with the passage
    MORE = "more"  # the user opened the passage in full from the answer
    CHOICE = "choice"  # the user picked the passage when asked which one was meant
    REPHRASED = "rephrased"  # refused or disliked, then asked again and answered with it


@dataclass(frozen=True)
class Suggestion:
    """A question proposed as an example question of a passage.

    `question` is the group's most frequent wording (ties: the shortest); `members` are all the
    group's wordings, most frequent first; `count` is how many logged questions back it, and
    `evidence` how many of them by each `Evidence` kind (a question may show more than one).
    """

    id: str
    passage_id: str
    passage_title: str
    question: str
    count: int
    members: tuple[str, ...]
    evidence: dict[str, int] = field(default_factory=dict)

    @property
    def keys(self) -> tuple[str, ...]:
        """The decision keys of every member: a decision on the group covers them all."""
        return tuple(suggestion_key(self.passage_id, member) for member in self.members)


@dataclass(frozen=True)
class Proposals:
    """What `wegwijzer curate` lists: open suggestions and candidates for new passages."""

    since: str
    suggestions: tuple[Suggestion, ...]
    new_topics: tuple[QuestionGroup, ...]


@dataclass(frozen=True)
class Written:
    """One accepted question, written into a passage's file (relative to the corpus)."""

    passage_id: str
    question: str
    file: str


class CurateError(Exception):
    """Accepted questions could not be written into the corpus; every file is as it was."""


@dataclass
class _Wording:
    """One folded wording of a question for a passage, as users typed it."""

    variants: Counter[str] = field(default_factory=Counter)
    count: int = 0
    evidence: Counter[str] = field(default_factory=Counter)

    @property
    def text(self) -> str:
        return self.variants.most_common(1)[0][0]


def fold_question(text: str) -> str:
    """A question for comparison: lowercase, without accents, white space collapsed and
    trailing ``?``, ``!`` and ``.`` removed."""
    return fold(" ".join(text.lower().split())).rstrip("?!. ")


def suggestion_key(passage_id: str, question: str) -> str:
    """The decision key of a question for a passage (sha256 of the id and the folded text)."""
    return hashlib.sha256(f"{passage_id}\n{fold_question(question)}".encode()).hexdigest()


def looks_personal(text: str) -> bool:
    """Whether a question seems to hold personal data: an e-mail address or handle, a URL,
    a phone number or another long run of digits."""
    if _EMAIL_OR_HANDLE.search(text) or _URL.search(text):
        return True
    return any(sum(ch.isdigit() for ch in run) > MAX_DIGITS for run in _DIGIT_RUN.findall(text))


def suggestible(text: str) -> bool:
    """Whether a question may be proposed: of a sensible length, no personal data, and no
    control or formatting characters (which could disturb a terminal or a YAML file)."""
    return (
        MIN_LENGTH <= len(text) <= MAX_LENGTH
        and not looks_personal(text)
        and not any(unicodedata.category(ch) in ("Cc", "Cf") for ch in text)
    )


def propose(store: Store, assistant: Assistant, *, since: dt.date) -> Proposals:
    """The open suggestions and the new-topic candidates from the log, from `since` on."""
    start = dt.datetime.combine(since, dt.time(), tzinfo=dt.UTC)
    questions = store.questions(start)
    feedback = store.feedback(start)
    return Proposals(
        since.isoformat(),
        tuple(suggest(questions, feedback, store.interest(start), assistant, store.decisions())),
        tuple(new_topics(questions, feedback, assistant)),
    )


def suggest(
    questions: Sequence[StoredQuestion],
    feedback: Sequence[StoredFeedback],
    interest: Sequence[StoredInterest],
    assistant: Assistant,
    decisions: Mapping[str, str] | None = None,
) -> list[Suggestion]:
    """The open suggestions: grouped questions per passage, the most frequent first.

    A wording a curator already decided on (`decisions`, keyed by `suggestion_key`) is left
    out, so a group whose wordings were all accepted or rejected is not open.
    """
    by_id = {q.id: q for q in questions}
    liked, disliked = _votes(by_id, feedback)
    seen: dict[str, dict[int, set[Evidence]]] = defaultdict(lambda: defaultdict(set))
    for passage_id, question, kind in (
        *_served(by_id, liked, disliked, interest),
        *_rephrased(questions, disliked),
    ):
        seen[passage_id][question.id].add(kind)
    found = []
    for passage_id, sightings in seen.items():
        passage = assistant.passage(passage_id)
        if passage is not None:  # None: a passage since removed from the corpus
            evidence = [(by_id[qid].question, kinds) for qid, kinds in sightings.items()]
            found += _suggestions_for(passage, evidence, assistant.terms, decisions or {})
    return sorted(found, key=lambda s: (-s.count, s.passage_id, s.question))


def new_topics(
    questions: Sequence[StoredQuestion],
    feedback: Sequence[StoredFeedback],
    assistant: Assistant,
) -> list[QuestionGroup]:
    """Refused questions that no rephrasing got answered, grouped: candidates for new
    passages, the largest group first (`example` is its most frequent wording)."""
    by_id = {q.id: q for q in questions}
    rescued = set(_rephrasings(questions, _votes(by_id, feedback)[1]))
    wordings: dict[str, _Wording] = defaultdict(_Wording)
    for question in questions:
        text = " ".join(question.question.split())
        refused = _outcome(question) == "not_answered" and question.id not in rescued
        if refused and suggestible(text):
            _add(wordings, text, ())
    return [
        QuestionGroup(members[0].text, sum(w.count for w in members), _texts(members))
        for members in _grouped(wordings, assistant.terms)
    ]


def _votes(
    by_id: Mapping[int, StoredQuestion], feedback: Iterable[StoredFeedback]
) -> tuple[dict[int, set[str]], dict[int, set[str]]]:
    """Per question id, the passages with a 👍 and those with a 👎 (a vote without a passage
    counts for the first passage of the answer)."""
    liked: dict[int, set[str]] = defaultdict(set)
    disliked: dict[int, set[str]] = defaultdict(set)
    for vote in feedback:
        question = by_id.get(vote.question_id) if vote.question_id is not None else None
        if question is None:
            continue
        passage = vote.passage_id or (question.passages[0] if question.passages else "")
        (liked if vote.vote > 0 else disliked)[question.id].add(passage)
    return liked, disliked


def _served(
    by_id: Mapping[int, StoredQuestion],
    liked: Mapping[int, set[str]],
    disliked: Mapping[int, set[str]],
    interest: Iterable[StoredInterest],
) -> Iterator[tuple[str, StoredQuestion, Evidence]]:
    """(passage, question, kind) for answers that served: a 👍 on a passage of the answer,
    or interest shown in one; an answer that also got a 👎 serves nothing."""

    def counts(question: StoredQuestion, passage_id: str) -> bool:
        return (
            _outcome(question) in ("answered", "partial")
            and question.id not in disliked
            and passage_id in question.passages
        )

    for question_id, passages in liked.items():
        for passage_id in sorted(passages):
            if counts(by_id[question_id], passage_id):
                yield passage_id, by_id[question_id], Evidence.THUMBS_UP
    for row in interest:
        question = by_id.get(row.question_id)
        if question is not None and counts(question, row.passage_id):
            yield row.passage_id, question, Evidence(row.kind)


def _rephrased(
    questions: Sequence[StoredQuestion], disliked: Mapping[int, set[str]]
) -> Iterator[tuple[str, StoredQuestion, Evidence]]:
    """(passage, missed question, REPHRASED): the missed wording, for the passage that
    answered the user's rephrasing (unless the user had disliked that very passage)."""
    for missed, answered in _rephrasings(questions, disliked).values():
        passage_id = answered.passages[0]
        if passage_id not in disliked.get(missed.id, ()):
            yield passage_id, missed, Evidence.REPHRASED


def _rephrasings(
    questions: Sequence[StoredQuestion], disliked: Mapping[int, set[str]]
) -> dict[int, tuple[StoredQuestion, StoredQuestion]]:
    """Per failed question id (refused or 👎): (that question, the same user's next question
    within `REPHRASE_WINDOW` that was answered and not disliked). Further failed tries and
    small talk in between are passed over; a partial answer ends the search."""
    per_user: dict[str, list[StoredQuestion]] = defaultdict(list)
    for question in questions:  # oldest first
        if question.user_key:
            per_user[question.user_key].append(question)
    found = {}
    for asked in per_user.values():
        for index, question in enumerate(asked):
            if _failed(question, disliked):
                later = _next_answered(question, asked[index + 1 :], disliked)
                if later is not None:
                    found[question.id] = (question, later)
    return found


def _next_answered(
    first: StoredQuestion, after: Sequence[StoredQuestion], disliked: Mapping[int, set[str]]
) -> StoredQuestion | None:
    start = _moment(first.asked_at)
    for question in after:
        if _moment(question.asked_at) - start > REPHRASE_WINDOW:
            return None
        if _failed(question, disliked) or _outcome(question) == "smalltalk":
            continue
        answered = _outcome(question) == "answered" and bool(question.passages)
        return question if answered else None
    return None


def _failed(question: StoredQuestion, disliked: Mapping[int, set[str]]) -> bool:
    return _outcome(question) == "not_answered" or question.id in disliked


def _outcome(question: StoredQuestion) -> str:
    """The outcome; rows logged before outcomes were stored have "" and count by `answered`."""
    return question.outcome or ("answered" if question.answered else "not_answered")


def _moment(iso: str) -> dt.datetime:
    return dt.datetime.fromisoformat(iso)


def _suggestions_for(
    passage: Passage,
    evidence: Sequence[tuple[str, set[Evidence]]],
    terms: Callable[[str], list[str]],
    decisions: Mapping[str, str],
) -> list[Suggestion]:
    """Group one passage's proposed questions, leaving out those it already has (as example
    question or title), unsuitable ones and those already decided on."""
    present = {fold_question(text) for text in (passage.title, *passage.questions)}
    wordings: dict[str, _Wording] = defaultdict(_Wording)
    for question, kinds in evidence:
        text = " ".join(question.split())
        if fold_question(text) in present or not suggestible(text):
            continue
        if suggestion_key(passage.id, text) not in decisions:
            _add(wordings, text, kinds)
    suggestions = []
    for members in _grouped(wordings, terms):
        proposal = members[0].text
        total: Counter[str] = sum((w.evidence for w in members), Counter())
        suggestions.append(
            Suggestion(
                id=suggestion_key(passage.id, proposal)[:ID_LENGTH],
                passage_id=passage.id,
                passage_title=passage.title,
                question=proposal,
                count=sum(w.count for w in members),
                members=_texts(members),
                evidence={kind.value: total[kind] for kind in Evidence},
            )
        )
    return suggestions


def _add(wordings: dict[str, _Wording], text: str, kinds: Iterable[Evidence]) -> None:
    wording = wordings[fold_question(text)]
    wording.variants[text] += 1
    wording.count += 1
    wording.evidence.update(kinds)


def _grouped(
    wordings: Mapping[str, _Wording], terms: Callable[[str], list[str]]
) -> list[list[_Wording]]:
    """Similar wordings together (`report.group_similar`), the largest group first; within a
    group the most frequent wording first (ties: the shortest)."""
    ordered = sorted(wordings.values(), key=lambda w: (-w.count, len(w.text), w.text))
    by_text = {w.text: w for w in ordered}
    groups = [[by_text[t] for t in g.questions] for g in group_similar(list(by_text), terms)]
    return sorted(groups, key=lambda g: (-sum(w.count for w in g), len(g[0].text), g[0].text))


def _texts(members: Sequence[_Wording]) -> tuple[str, ...]:
    return tuple(w.text for w in members)


def resolve(
    suggestions: Iterable[Suggestion], ids: Iterable[str]
) -> tuple[list[Suggestion], list[str]]:
    """The suggestions the ids name (in the order given, once each), and the unknown ids."""
    by_id = {s.id: s for s in suggestions}
    wanted = list(dict.fromkeys(i.strip().lower() for i in ids))
    return [by_id[i] for i in wanted if i in by_id], [i for i in wanted if i not in by_id]


# Writing accepted questions


def write_suggestions(corpus: Corpus, chosen: Sequence[Suggestion]) -> list[Written]:
    """Add each suggestion's question to its passage's `questions` in the corpus files, each
    file written atomically with its mode kept, then validate the whole corpus.

    Raises:
        CurateError: a passage or its file cannot take the question, a file cannot be
            written, or the corpus is not valid afterwards; every file written is restored.
    """
    root, passages = corpus.directory, corpus.by_id()
    plan = _plan(passages, chosen)
    originals = {rel: _read(root / rel) for rel in plan}
    updated = {rel: add_questions(originals[rel].decode("utf-8"), plan[rel], rel) for rel in plan}
    written: list[str] = []
    try:
        for rel, text in updated.items():
            _replace(root / rel, text.encode("utf-8"))
            written.append(rel)
        load_corpus(root)
    except (CorpusError, OSError) as exc:
        failed = _restore(root, {rel: originals[rel] for rel in written})
        kept = f"could not restore {', '.join(failed)}" if failed else "every file was restored"
        raise CurateError(f"{_failure(exc)}; {kept}") from exc
    except BaseException:  # Ctrl-C halfway: leave no file changed
        _restore(root, {rel: originals[rel] for rel in written})
        raise
    return [Written(s.passage_id, s.question, passages[s.passage_id].file) for s in chosen]


def _failure(error: CorpusError | OSError) -> str:
    if isinstance(error, CorpusError):
        problems = "\n".join(f"  {p}" for p in error.problems)
        return f"the corpus is not valid with the added question(s):\n{problems}\n"
    return f"cannot write {error.filename or 'a corpus file'}: {error.strerror or error}"


def _plan(
    passages: Mapping[str, Passage], chosen: Sequence[Suggestion]
) -> dict[str, dict[str, list[str]]]:
    """file -> passage id -> questions to add."""
    plan: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for suggestion in chosen:
        passage = passages.get(suggestion.passage_id)
        if passage is None or not passage.file:
            raise CurateError(f"passage {suggestion.passage_id} is not in the corpus")
        plan[passage.file][passage.id].append(suggestion.question)
    return plan


def _read(path: Path) -> bytes:
    """A passage file's bytes, checked to be UTF-8 text."""
    try:
        data = path.read_bytes()
        data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CurateError(f"{path}: cannot be read: {exc}") from exc
    return data


def add_questions(text: str, additions: Mapping[str, Sequence[str]], name: str = "-") -> str:
    """A passage file's text with questions appended to passages' `questions` lists, and
    nothing else changed: comments, key order, quotes and every other line stay.

    Args:
        text: the file's YAML text (a list of passages).
        additions: passage id -> questions to append.
        name: the file, for messages.

    Raises:
        CurateError: no layout reproduces the file unchanged, a passage or its block list of
            questions is missing, or the result would change more than added lines.
    """
    yaml = _round_trip(text, name)
    data = yaml.load(text)
    passages = data if isinstance(data, list) else []
    for passage_id, questions in additions.items():
        entry = next(
            (e for e in passages if isinstance(e, dict) and e.get("id") == passage_id), None
        )
        listed = entry.get("questions") if entry is not None else None
        if not isinstance(listed, CommentedSeq) or listed.fa.flow_style():
            raise CurateError(
                f"{name}: {passage_id}: no block list of questions (one `- question` a line)"
                " to add to; add the question by hand"
            )
        for question in questions:
            _append(listed, question)
    updated = _dump(yaml, data)
    if not _only_added_lines(text, updated):
        raise CurateError(f"{name}: adding would change other lines; add the question by hand")
    return updated


def _round_trip(text: str, name: str) -> YAML:
    """A ruamel.yaml instance in the first layout of `LAYOUTS` that writes `text` back byte
    for byte."""
    for mapping, sequence, offset in LAYOUTS:
        yaml = YAML(typ="rt")
        yaml.Emitter = _CorpusEmitter
        yaml.preserve_quotes = True
        yaml.width = LINE_WIDTH
        yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        try:
            if _dump(yaml, yaml.load(text)) == text:
                return yaml
        except YAMLError as exc:
            raise CurateError(f"{name}: cannot be read as YAML: {exc}") from exc
    raise CurateError(f"{name}: its layout cannot be kept when written; add the question by hand")


def _dump(yaml: YAML, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


class _CorpusEmitter(Emitter):
    """ruamel.yaml's emitter, keeping the file's top-level list at the margin.

    ruamel indents every block sequence alike, so the layout of nested lists (`questions:`
    then `    - ...`) would also indent the passages themselves (`  - id: ...`).
    """

    def expect_block_sequence_item(self, first: bool = False) -> None:
        if len(self.indents) != 1:  # not the top-level list
            super().expect_block_sequence_item(first)
            return
        kept = self.sequence_dash_offset, self.best_sequence_indent
        self.sequence_dash_offset, self.best_sequence_indent = 0, self.best_map_indent
        try:
            super().expect_block_sequence_item(first)
        finally:
            self.sequence_dash_offset, self.best_sequence_indent = kept


def _append(listed: CommentedSeq, question: str) -> None:
    """Append to a block list, keeping what follows the list after it.

    ruamel keeps the comments and blank lines after a list's last item with that item; the
    new item takes them over, so they stay after the list (only an end-of-line comment stays
    with its item).
    """
    last = len(listed) - 1
    listed.append(question)
    tokens = listed.ca.items.get(last)
    if not tokens or tokens[0] is None:
        return
    comment = tokens[0]
    own, newline, following = comment.value.partition("\n")
    if following:
        moved = copy.copy(comment)
        comment.value = own + newline
        moved.value = "\n" + following
        listed.ca.items[last + 1] = [moved, None, None, None]


def _only_added_lines(before: str, after: str) -> bool:
    matcher = difflib.SequenceMatcher(
        None, before.splitlines(keepends=True), after.splitlines(keepends=True), autojunk=False
    )
    return all(tag in ("equal", "insert") for tag, *_ in matcher.get_opcodes())


def _replace(path: Path, data: bytes) -> None:
    """Write a file atomically (a temporary file beside it, then a rename), keeping its mode."""
    target = path.resolve()
    mode = stat.S_IMODE(target.stat().st_mode)
    descriptor, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _restore(root: Path, originals: Mapping[str, bytes]) -> list[str]:
    """Put written files back as they were; returns those that could not be (and why)."""
    failed = []
    for rel, data in originals.items():
        try:
            _replace(root / rel, data)
        except OSError as exc:
            failed.append(f"{rel} ({exc.strerror or exc})")
    return failed


# Rendering


def render(proposals: Proposals, fmt: str) -> str:
    """The proposals as text for a curator, or as JSON."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}; got {fmt!r}")
    if fmt == "json":
        return json.dumps(asdict(proposals), ensure_ascii=False, indent=2) + "\n"
    return render_text(proposals)


def render_text(proposals: Proposals) -> str:
    suggestions = proposals.suggestions
    lines = [f"Suggested example questions since {proposals.since} ({len(suggestions)} open):"]
    per_passage: dict[str, list[Suggestion]] = defaultdict(list)
    for suggestion in suggestions:  # most frequent first, so passages come in that order too
        per_passage[suggestion.passage_id].append(suggestion)
    for passage_id, items in per_passage.items():
        lines += ["", f"{passage_id} ({items[0].passage_title})"]
        for s in items:
            lines.append(f"  {s.id}  {s.count:3d}x  {s.question}")
            lines.append(f"  {'':{ID_LENGTH}}        {_evidence_text(s.evidence)}")
            others = s.members[1:]
            if others:
                lines.append(f"  {'':{ID_LENGTH}}        also: {' | '.join(others)}")
    if suggestions:
        lines += ["", "Accept with `wegwijzer curate accept ID...`, reject with `reject ID...`."]
    else:
        lines.append("  none")
    lines += ["", f"Candidates for new passages ({len(proposals.new_topics)} group(s)):"]
    for group in proposals.new_topics:
        lines.append(f"  {group.count:3d}x  {group.example}")
        if len(group.questions) > 1:
            lines.append(f"        also: {' | '.join(group.questions[1:])}")
    if not proposals.new_topics:
        lines.append("  none")
    return "\n".join(lines) + "\n"


def _evidence_text(evidence: Mapping[str, int]) -> str:
    labels = {
        Evidence.THUMBS_UP: "thumbs up",
        Evidence.MORE: "opened in full",
        Evidence.CHOICE: "picked",
        Evidence.REPHRASED: "rephrased",
    }
    shown = [f"{labels[Evidence(k)]} {n}" for k, n in evidence.items() if n]
    return "evidence: " + ", ".join(shown)
