"""Loading and validating the YAML knowledge base.

A corpus directory holds:

- passage files: ``**/*.yaml``, each a list of passages (see README, "Corpus format");
- ``synoniemen.yaml``: query expansion, user word -> corpus words;
- ``engels.yaml``: an English glossary, English word -> Dutch corpus words, applied only to
  questions asked in English;
- ``buiten-bereik.yaml``: subjects outside the domain (a tax return, a passport, rent), each
  with the words its questions use, for the answerability model's ``outside`` signal;
- ``bronnen.yaml``: the register of sources, every page or shipped document once; a passage
  cites one or more by id (see `RegisteredSource`).

Loading checks everything at once and raises one `CorpusError` that lists every problem as
``file: passage-id: field: what is wrong``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from assistant.gcpause import paused_gc
from assistant.models import KINDS, STATUSES, Link, Passage, Source, choice_problem, shorten

SYNONYMS_FILE = "synoniemen.yaml"
ENGLISH_FILE = "engels.yaml"
SOURCES_FILE = "bronnen.yaml"
OUTSIDE_FILE = "buiten-bereik.yaml"
RESERVED_FILES = frozenset({SYNONYMS_FILE, ENGLISH_FILE, SOURCES_FILE, OUTSIDE_FILE})

REQUIRED_FIELDS = ("id", "kind", "title", "text", "questions", "source", "checked", "status")
OPTIONAL_FIELDS = ("keywords", "superseded_by", "links", "related", "variants", "overview")
SOURCE_FIELDS = ("title", "publisher", "date", "url", "document")
REGISTER_FIELDS = ("id", "title", "publisher", "date", "url", "file", "compared")
MIN_WORDS, MAX_WORDS = 40, 160
# A passage or source not compared with its page for this long is stale (one declaration: the
# check, the warnings and the curator report all read it).
STALE_AFTER_MONTHS = 12
STALE_AFTER_DAYS = 365 * STALE_AFTER_MONTHS // 12
# Limits that keep a hostile or mistaken file from exhausting memory; a corpus of 100,000
# passages in files of a few hundred passages each stays far within them.
MAX_FILE_BYTES = 5_000_000  # a passage file, the synonyms, the glossary
MAX_REGISTER_BYTES = 50_000_000  # bronnen.yaml: one entry per page of the whole corpus
MAX_PASSAGES_PER_FILE = 5_000
MAX_CHARS = {"id": 100, "title": 300, "text": 5_000}
MAX_ITEMS, MAX_ITEM_CHARS = 50, 500  # questions, variants, keywords, related, links: count, length


@cache
def _loader() -> Any:
    """The safe YAML loader (libyaml's when PyYAML was built with it, about ten times faster),
    refusing a mapping that names a key twice: plain YAML keeps the last of two equal keys
    without a word, so a passage with two `text:` fields or a glossary word listed twice would
    silently lose one of them. Made on first use: a start from the index cache reads no YAML.
    """
    import yaml

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc,valid-type]
        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
            seen: set[str] = set()
            for key_node, _ in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    continue
                if key_node.value in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"duplicate key {key_node.value!r}", key_node.start_mark
                    )
                seen.add(key_node.value)
            return super().construct_mapping(node, deep=deep)

    return Loader


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the corpus, located as precisely as the loader can."""

    file: str
    passage: str
    field: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.file}: {self.passage}: {self.field}: {self.message}"


class CorpusError(Exception):
    """The corpus cannot be used; `problems` lists every error found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the corpus:\n{lines}")


@dataclass(frozen=True)
class RegisteredSource:
    """One entry of the register: a public page (`source.url`) or a shipped document (`file`),
    with the date someone last compared the passages citing it with it (`compared`)."""

    id: str
    source: Source
    compared: str | None = None
    file: str | None = None


@dataclass(frozen=True)
class Corpus:
    """A validated knowledge base."""

    directory: Path
    passages: tuple[Passage, ...]
    synonyms: dict[str, tuple[str, ...]]
    sources: dict[str, RegisteredSource]
    warnings: tuple[Problem, ...] = ()
    english: dict[str, tuple[str, ...]] = field(default_factory=dict)
    outside: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def by_id(self) -> dict[str, Passage]:
        return {p.id: p for p in self.passages}


def bundled_corpus_dir() -> Path:
    """The corpus that ships with Wegwijzer, in a checkout or in an installed package."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_corpus", here.parent / "corpus"):
        if (candidate / SYNONYMS_FILE).is_file():
            return candidate
    raise FileNotFoundError("the bundled corpus was not found next to the assistant package")


def load_corpus(directory: Path | str, *, today: dt.date | None = None) -> Corpus:
    """Load and validate every file of a corpus directory.

    Args:
        directory: the corpus folder.
        today: reference date for staleness warnings (default: no staleness check).

    Raises:
        CorpusError: listing every error found, if there is at least one.
    """
    root = Path(directory)
    if not root.is_dir():
        raise CorpusError([Problem(str(root), "-", "-", "corpus directory does not exist")])
    with paused_gc():
        return _load(root, today)


def _load(root: Path, today: dt.date | None) -> Corpus:
    problems: list[Problem] = []
    register = _load_register(root, problems)
    synonyms = _load_word_map(root, SYNONYMS_FILE, problems)
    english = _load_word_map(root, ENGLISH_FILE, problems)
    problems.extend(alike_keys(synonyms, SYNONYMS_FILE))
    problems.extend(alike_keys(english, ENGLISH_FILE, english=True))
    outside = _load_word_map(
        root, OUTSIDE_FILE, problems, "must map a subject to the words its questions use"
    )
    passages: list[Passage] = []
    # Every id seen, valid passage or not: duplicates are caught, and a reference to an
    # invalid passage is not reported a second time.
    declared: dict[str, str] = {}
    for path in _passage_files(root):
        rel = path.relative_to(root).as_posix()
        for raw in _read_passage_list(path, rel, problems, root):
            pid = raw.get("id")
            if isinstance(pid, str) and pid in declared:
                also = f"duplicate id (also in {declared[pid]})"
                problems.append(Problem(rel, _label(pid), "id", also))
            elif isinstance(pid, str):
                declared[pid] = rel
            passage = _build_passage(raw, rel, register, problems)
            if passage is not None:
                passages.append(passage)
    _check_cross_references(passages, declared, problems)
    warnings = [p for p in problems if p.severity == "warning"]
    warnings += _unused_sources(register, passages)
    warnings += _outside_words_asked(passages, outside)
    warnings += _checked_before_sources(passages, register)
    warnings += _dated_warnings(passages, register, today)
    errors = [p for p in problems if p.severity == "error"]
    if not passages and not errors:
        errors.append(Problem(rel_or(root), "-", "-", "no passages found"))
    if errors:
        raise CorpusError(errors)
    return Corpus(root, tuple(passages), synonyms, register, tuple(warnings), english, outside)


def rel_or(root: Path) -> str:
    return root.name or str(root)


def _passage_files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*.yaml")):
        if path.parent == root and path.name in RESERVED_FILES:
            continue
        yield path


def _read_yaml(path: Path, rel: str, problems: list[Problem], root: Path | None = None) -> Any:
    """A YAML file's content; None after reporting why it cannot be used.

    Only a regular file inside the corpus folder (`root`), of at most `MAX_FILE_BYTES`, is
    opened: a FIFO would block the reader forever, a symlink could read any file of the system.
    """
    import yaml  # here, not at the top: a start from the index cache reads no YAML

    limit = MAX_REGISTER_BYTES if path.name == SOURCES_FILE else MAX_FILE_BYTES
    try:
        if root is not None and not path.resolve().is_relative_to(root.resolve()):
            problems.append(Problem(rel, "-", "-", "points outside the corpus folder"))
            return None
        if not path.is_file():
            problems.append(Problem(rel, "-", "-", "is not a regular file"))
            return None
        if path.stat().st_size > limit:
            problems.append(
                Problem(rel, "-", "-", f"is larger than {limit // 1_000_000} MB; split it")
            )
            return None
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown position"
        problems.append(Problem(rel, "-", "yaml", f"syntax error at {where}: {exc.problem}"))
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
        problems.append(Problem(rel, "-", "yaml", f"cannot be read: {exc}"))
    return None


def _read_passage_list(
    path: Path, rel: str, problems: list[Problem], root: Path
) -> list[dict[str, Any]]:
    data = _read_yaml(path, rel, problems, root)
    if data is None:
        return []
    if not isinstance(data, list):
        problems.append(Problem(rel, "-", "-", "a passage file must hold a list of passages"))
        return []
    if len(data) > MAX_PASSAGES_PER_FILE:
        problems.append(
            Problem(rel, "-", "-", f"{len(data)} passages; at most {MAX_PASSAGES_PER_FILE} a file")
        )
        return []
    passages = []
    for index, item in enumerate(data, start=1):
        if isinstance(item, dict):
            passages.append(item)
        else:
            problems.append(Problem(rel, f"#{index}", "-", "a passage must be a mapping"))
    return passages


def _build_passage(
    raw: dict[str, Any], rel: str, register: dict[str, RegisteredSource], problems: list[Problem]
) -> Passage | None:
    pid = _label(raw.get("id"))
    found: list[Problem] = []

    def report(field: str, message: str, severity: str = "error") -> None:
        found.append(Problem(rel, pid, field, message, severity))

    for name in sorted(str(k) for k in set(raw) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS)):
        report(shorten(name).strip("'"), "unknown field")
    for name in REQUIRED_FIELDS:
        if raw.get(name) in (None, "", []):
            report(name, "missing field")
    _check_scalars(raw, report)
    questions = _string_list(raw, "questions", report)
    if raw.get("questions") and len(questions) < 2:
        report("questions", "give at least 2 example questions")
    variants = _string_list(raw, "variants", report)
    keywords = _string_list(raw, "keywords", report)
    related = _string_list(raw, "related", report)
    source, cited = _cited_sources(raw.get("source"), register, report)
    links, linked = _build_links(raw.get("links"), register, report)
    problems.extend(found)
    if any(p.severity == "error" for p in found):
        return None
    return Passage(
        id=pid,
        kind=raw["kind"],
        title=raw["title"].strip(),
        text=" ".join(raw["text"].split()),
        questions=tuple(questions),
        source=source,
        sources=cited,
        checked=str(raw["checked"]),
        status=raw["status"],
        keywords=tuple(keywords),
        superseded_by=raw.get("superseded_by"),
        overview=raw.get("overview"),
        links=tuple(links),
        related=tuple(related),
        file=rel,
        linked=linked,
        variants=tuple(variants),
    )


def _check_scalars(raw: dict[str, Any], report: Any) -> None:
    for name, most in MAX_CHARS.items():
        if isinstance(raw.get(name), str) and len(raw[name]) > most:
            report(name, f"{len(raw[name])} characters; at most {most}")
    for name in ("questions", "variants", "keywords", "related", "links"):
        value = raw.get(name)
        if isinstance(value, list) and len(value) > MAX_ITEMS:
            report(name, f"{len(value)} items; at most {MAX_ITEMS}")
        elif isinstance(value, list) and any(
            isinstance(v, str) and len(v) > MAX_ITEM_CHARS for v in value
        ):
            report(name, f"an item longer than {MAX_ITEM_CHARS} characters")
    pid = raw.get("id")
    if pid is not None and not (isinstance(pid, str) and _SLUG.match(pid)):
        report("id", f"must be a lowercase slug (a-z, 0-9, hyphens); got {shorten(pid)}")
    for name in ("title", "text"):
        if raw.get(name) is not None and not isinstance(raw[name], str):
            report(name, "must be text")
    for name, choices in (("kind", KINDS), ("status", STATUSES)):
        if raw.get(name) is not None and (problem := choice_problem(raw[name], choices)):
            report(name, problem)
    if raw.get("checked") is not None and not _valid_date(raw["checked"]):
        got = shorten(raw["checked"])
        report("checked", f"must be an ISO date (YYYY-MM-DD or YYYY-MM); got {got}")
    if isinstance(raw.get("text"), str):
        words = len(raw["text"].split())
        if not MIN_WORDS <= words <= MAX_WORDS:
            report("text", f"{words} words; a passage has {MIN_WORDS}-{MAX_WORDS}", "warning")
    status, successor = raw.get("status"), raw.get("superseded_by")
    if status == "historisch" and not successor:
        report("superseded_by", "a historical passage must name the passage that replaces it")
    if status == "actueel" and successor:
        report("superseded_by", "only a historical passage can be superseded")
    if successor is not None and not isinstance(successor, str):
        report("superseded_by", "must be a passage id")
    if raw.get("overview") is not None and not isinstance(raw["overview"], str):
        report("overview", "must be a passage id")


def _string_list(raw: dict[str, Any], name: str, report: Any) -> list[str]:
    value = raw.get(name)
    if value is None:
        return []
    # YAML reads `2012` as a number; a number is a fine keyword, so accept scalars as text.
    if not isinstance(value, list) or not all(
        isinstance(v, (str, int, float)) and str(v).strip() for v in value
    ):
        report(name, "must be a list of non-empty texts")
        return []
    return [str(v).strip() for v in value]


def _cited_sources(
    value: Any, register: dict[str, RegisteredSource], report: Any
) -> tuple[Source | None, tuple[str, ...]]:
    """A passage's main source and the register ids it cites.

    `source` is a register id, a list of them (the first is the main source), or, in an older
    corpus, an inline mapping (a warning: move it to the register).
    """
    if value is None:
        return None, ()
    if isinstance(value, dict):
        report("source", f"an inline source; cite an entry of {SOURCES_FILE} instead", "warning")
        return _build_source(value, register, report), ()
    ids = [value] if isinstance(value, str) else value
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
        report("source", f"must be an id of {SOURCES_FILE} or a list of such ids")
        return None, ()
    unknown = [i for i in ids if i not in register]
    for source_id in unknown:
        report("source", f"unknown source {shorten(source_id)} (see {SOURCES_FILE})")
    if unknown:
        return None, ()
    return register[ids[0]].source, tuple(dict.fromkeys(ids))


def _label(pid: Any) -> str:
    """How a passage is named in a problem: its id, shortened when absurdly long."""
    if not isinstance(pid, str):
        return "?"
    return pid if len(pid) <= MAX_CHARS["id"] else pid[:40] + "…"


def _build_source(
    value: dict[str, Any], register: dict[str, RegisteredSource], report: Any
) -> Source | None:
    for name in sorted(str(k) for k in set(value) - set(SOURCE_FIELDS)):
        report(f"source.{shorten(name).strip(chr(39))}", "unknown field")
    for name in ("title", "publisher", "date"):
        if not value.get(name):
            report(f"source.{name}", "missing field")
    if value.get("date") and not _valid_date(value["date"]):
        report(
            "source.date",
            f"must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD); got {shorten(value['date'])}",
        )
    url, document = value.get("url"), value.get("document")
    if (url is None) == (document is None):
        report("source", "give exactly one of url and document")
    if url is not None and not _https(url):
        report("source.url", f"must be an https URL; got {shorten(url)}")
    if document is not None and not (
        isinstance(document, str) and document in register and register[document].file
    ):
        report("source.document", f"unknown document {shorten(document)} (see {SOURCES_FILE})")
    try:
        return Source(
            title=str(value["title"]),
            publisher=str(value["publisher"]),
            date=str(value["date"]),
            url=url,
            document=document,
        )
    except (KeyError, ValueError):
        return None


def _build_links(
    value: Any, register: dict[str, RegisteredSource], report: Any
) -> tuple[list[Link], tuple[str, ...]]:
    """A passage's links and the register ids they name.

    A link names a register entry (`{label, source: id}`), so a moved page is changed in one
    place; an inline `{label, url}` from an older corpus still works, with a warning.
    """
    if value is None:
        return [], ()
    if not isinstance(value, list):
        report("links", "must be a list of {label, source}")
        return [], ()
    links: list[Link] = []
    linked: list[str] = []
    for index, item in enumerate(value, start=1):
        where = f"links[{index}]"
        if not isinstance(item, dict) or set(item) not in ({"label", "source"}, {"label", "url"}):
            report(where, "must have exactly a label and a source (an id of the register)")
            continue
        if not isinstance(item["label"], str) or not item["label"].strip():
            report(f"{where}.label", "missing label")
            continue
        if "url" in item:
            if not _https(item["url"]):
                report(f"{where}.url", f"must be an https URL; got {shorten(item['url'])}")
                continue
            report(f"{where}.url", f"an inline URL; name an entry of {SOURCES_FILE}", "warning")
            links.append(Link(item["label"].strip(), item["url"]))
            continue
        entry = register.get(item["source"]) if isinstance(item["source"], str) else None
        if entry is None:
            unknown = shorten(item["source"])
            report(f"{where}.source", f"unknown source {unknown} (see {SOURCES_FILE})")
        elif entry.source.url is None:
            report(f"{where}.source", f"{entry.id} is a document, not a page to link")
        else:
            links.append(Link(item["label"].strip(), entry.source.url))
            linked.append(entry.id)
    return links, tuple(linked)


def _check_cross_references(
    passages: list[Passage], declared: dict[str, str], problems: list[Problem]
) -> None:
    by_id = {p.id: p for p in passages}
    for passage in passages:
        if passage.superseded_by and passage.superseded_by not in declared:
            problems.append(
                Problem(
                    passage.file,
                    passage.id,
                    "superseded_by",
                    f"unknown passage {shorten(passage.superseded_by)}",
                )
            )
        if passage.overview is not None:
            problem = _overview_problem(passage, by_id)
            if problem:
                problems.append(Problem(passage.file, passage.id, "overview", problem))
        for ref in passage.related:
            if ref not in declared:
                problems.append(
                    Problem(passage.file, passage.id, "related", f"unknown passage {shorten(ref)}")
                )
            elif ref == passage.id:
                problems.append(Problem(passage.file, passage.id, "related", "refers to itself"))


def _overview_problem(passage: Passage, by_id: dict[str, Passage]) -> str | None:
    """What is wrong with a passage's `overview`, if anything: it must name another current
    passage that is an overview itself (one level: a subject and its facets)."""
    overview = by_id.get(passage.overview or "")
    if overview is None:
        return f"unknown passage {shorten(passage.overview)}"
    if overview.id == passage.id:
        return "refers to itself"
    if overview.overview is not None:
        return f"{overview.id} is a facet itself (of {overview.overview}); name its overview"
    if overview.is_historical or passage.is_historical:
        return "a historical passage is no subject's overview or facet"
    return None


def stale_passages(
    passages: Iterable[Passage], register: dict[str, RegisteredSource], today: dt.date
) -> list[Passage]:
    """Passages not checked for `STALE_AFTER_MONTHS`; one resting only on shipped documents
    cannot age."""
    stale = []
    for passage in passages:
        if passage.sources and all(register[sid].file for sid in passage.sources):
            continue
        checked = parse_date(passage.checked)
        if checked and (today - checked).days > STALE_AFTER_DAYS:
            stale.append(passage)
    return stale


def _dated_warnings(
    passages: Sequence[Passage], register: dict[str, RegisteredSource], today: dt.date | None
) -> list[Problem]:
    """The warnings that depend on the day: sources not compared and passages not checked
    for `STALE_AFTER_MONTHS` (none without a day)."""
    if today is None:
        return []
    return _uncompared_sources(register, passages, today) + [
        Problem(
            passage.file,
            passage.id,
            "checked",
            f"last checked {passage.checked}, more than {STALE_AFTER_MONTHS} months ago",
            "warning",
        )
        for passage in stale_passages(passages, register, today)
    ]


def dated(corpus: Corpus, today: dt.date) -> Corpus:
    """A corpus loaded without a day (as the index cache holds it), with `today`'s staleness
    warnings added: what ``load_corpus(directory, today=today)`` gives."""
    extra = _dated_warnings(corpus.passages, corpus.sources, today)
    return dataclasses.replace(corpus, warnings=(*corpus.warnings, *extra))


def _load_register(root: Path, problems: list[Problem]) -> dict[str, RegisteredSource]:
    """Read and check the register of sources (`SOURCES_FILE`)."""
    path = root / SOURCES_FILE
    if not path.exists() and not path.is_symlink():
        return {}
    data = _read_yaml(path, SOURCES_FILE, problems, root)
    if data is None:
        return {}
    if not isinstance(data, list):
        problems.append(Problem(SOURCES_FILE, "-", "-", "must hold a list of sources"))
        return {}
    register: dict[str, RegisteredSource] = {}
    for index, item in enumerate(data, start=1):
        entry = _register_entry(item, f"#{index}", root, problems)
        if entry is None:
            continue
        if entry.id in register:
            problems.append(Problem(SOURCES_FILE, entry.id, "id", "duplicate id"))
        register[entry.id] = entry
    return register


def _register_entry(
    item: Any, position: str, root: Path, problems: list[Problem]
) -> RegisteredSource | None:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        problems.append(Problem(SOURCES_FILE, position, "id", "each source needs a text id"))
        return None
    sid = item["id"]
    found: list[Problem] = []

    def report(field: str, message: str) -> None:
        found.append(Problem(SOURCES_FILE, shorten(sid).strip("'"), field, message))

    if not _SLUG.match(sid):
        report("id", "must be a lowercase slug (a-z, 0-9, hyphens)")
    for name in sorted(str(k) for k in set(item) - set(REGISTER_FIELDS)):
        report(shorten(name).strip("'"), "unknown field")
    # `date` is the page's own date; a page that shows none is registered without one.
    for name in ("title", "publisher"):
        if not isinstance(item.get(name), (str, int)) or not str(item[name]).strip():
            report(name, "missing field")
    for name in ("date", "compared"):
        if item.get(name) is not None and not _valid_date(item[name]):
            report(name, "must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    url, file = item.get("url"), item.get("file")
    if (url is None) == (file is None):
        report("-", "give exactly one of url and file")
    if url is not None and not _https(url):
        report("url", f"must be an https URL; got {shorten(url)}")
    if file is not None and not _inside(root, file):
        report("file", "must name a file inside the corpus folder")
    problems.extend(found)
    if found:
        return None
    source = Source(
        title=str(item["title"]),
        publisher=str(item["publisher"]),
        date=str(item["date"]) if item.get("date") is not None else None,
        url=url,
        document=sid if file is not None else None,
    )
    compared = str(item["compared"]) if item.get("compared") is not None else None
    return RegisteredSource(sid, source, compared, file)


def _inside(root: Path, name: Any) -> bool:
    """Whether `name` is a regular file within the corpus folder (no way out of it)."""
    if not isinstance(name, str):
        return False
    path = (root / name).resolve()
    return path.is_relative_to(root.resolve()) and path.is_file()


def _unused_sources(
    register: dict[str, RegisteredSource], passages: Iterable[Passage]
) -> list[Problem]:
    """Sources no passage cites or links."""
    passages = list(passages)
    cited = {source_id for p in passages for source_id in p.sources}
    linked = {source_id for p in passages for source_id in p.linked}
    return [
        Problem(SOURCES_FILE, sid, "-", "no passage cites or links this source", "warning")
        for sid in register
        if sid not in cited and sid not in linked
    ]


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _outside_words_asked(
    passages: Iterable[Passage], outside: dict[str, tuple[str, ...]]
) -> list[Problem]:
    """Example questions holding a word of a subject outside the domain (`OUTSIDE_FILE`): the
    answerability model weighs such a word against the question, so a question like the
    passage's own is refused ("welke code voor auteursrechten in de belastingaangifte"). The
    curator decides: reword the question, or take the word out of that subject."""
    subject_of = {word: subject for subject, words in outside.items() for word in words}
    warnings = []
    for passage in passages:
        for question in passage.questions:
            for word in dict.fromkeys(_WORD.findall(question.lower())):
                if word in subject_of:
                    warnings.append(
                        Problem(
                            passage.file,
                            passage.id,
                            "questions",
                            f"{question!r} holds {word!r}, a word of {subject_of[word]!r} in "
                            f"{OUTSIDE_FILE}: questions like it are weighed as outside the domain",
                            "warning",
                        )
                    )
    return warnings


def _checked_before_sources(
    passages: Iterable[Passage], register: dict[str, RegisteredSource]
) -> list[Problem]:
    """Passages whose `checked` date lies before the date of a page they cite: their facts
    cannot have been checked against a page that did not exist yet, and the answer would
    show the earlier date as when they were ("nagekeken 2022-12-30" under 2024's figures).
    Dates are compared as precisely as both are written ("2024" is not before "2024-07")."""
    warnings = []
    for passage in passages:
        # The register's entries it cites, or its inline source (which has no id).
        cited = [(sid, register[sid].source) for sid in passage.sources if sid in register]
        for name, source in cited or [(passage.source.title, passage.source)]:
            if source.date and _earlier(passage.checked, source.date):
                warnings.append(
                    Problem(
                        passage.file,
                        passage.id,
                        "checked",
                        f"checked {passage.checked}, before the date of its source {name!r} "
                        f"({source.date}): set it to when the facts were compared with that page",
                        "warning",
                    )
                )
                break
    return warnings


def _earlier(first: str, second: str) -> bool:
    """Whether date `first` lies before `second`, both ISO dates of any precision
    ("2024", "2024-07", "2024-07-15"), compared at the precision both have."""
    common = min(len(first), len(second))
    return first[:common] < second[:common]


def _uncompared_sources(
    register: dict[str, RegisteredSource], passages: Iterable[Passage], today: dt.date
) -> list[Problem]:
    """Sources of facts not compared with their page for `STALE_AFTER_MONTHS`.

    An entry only linked to (an application form, a desk's page) states no fact, so only the
    entries passages cite as their `source` need a recent comparison.
    """
    cited = {source_id for p in passages for source_id in p.sources}
    warnings = []
    for entry in register.values():
        if entry.id not in cited or entry.file:  # a shipped document does not change
            continue
        compared = parse_date(entry.compared) if entry.compared else None
        if compared is None or (today - compared).days > STALE_AFTER_DAYS:
            when = entry.compared or "never"
            warnings.append(
                Problem(
                    SOURCES_FILE,
                    entry.id,
                    "compared",
                    f"last compared with its page {when}, "
                    f"more than {STALE_AFTER_MONTHS} months ago",
                    "warning",
                )
            )
    return warnings


def _load_word_map(
    root: Path,
    name: str,
    problems: list[Problem],
    shape: str = "must map a user word to corpus words",
) -> dict[str, tuple[str, ...]]:
    """A word map (a word -> words): the synonyms, the English glossary, or the subjects
    outside the domain. `shape`: what the file must hold, for the problem when it does not."""
    path = root / name
    if not path.exists() and not path.is_symlink():
        return {}
    data = _read_yaml(path, name, problems, root)
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.append(Problem(name, "-", "-", shape))
        return {}
    synonyms: dict[str, tuple[str, ...]] = {}
    for word, targets in data.items():
        values = [targets] if isinstance(targets, str) else targets
        if (
            not isinstance(word, str)
            or not isinstance(values, list)
            or not all(isinstance(v, str) and v.strip() for v in values)
        ):
            problems.append(Problem(name, str(word), "-", "must map a word to a list of words"))
            continue
        key = word.strip().lower()
        if key in synonyms:
            problems.append(Problem(name, str(word), "-", f"given twice, as {key!r}"))
        synonyms[key] = tuple(v.strip().lower() for v in values)
    return synonyms


def alike_keys(
    words: dict[str, tuple[str, ...]], name: str, *, english: bool = False
) -> list[Problem]:
    """Entries of a word map that a question reads alike: its stopwords are left out, so
    "without registration" is read as "registration", and one entry would hide the other."""
    from assistant.analysis import ENGLISH_STOPWORDS, read_key  # the analysis is heavier

    extra = ENGLISH_STOPWORDS if english else frozenset()
    first: dict[str, str] = {}
    problems = []
    for word in words:
        key = read_key(word, extra)
        if not key:
            problems.append(Problem(name, word, "-", "has no word a question can be read with"))
        elif key in first:
            problems.append(
                Problem(
                    name,
                    word,
                    "-",
                    f"{first[key]!r} and {word!r} are both read as {key!r} (stopwords are not "
                    "read): merge them",
                )
            )
        first.setdefault(key, word)
    return problems


def _https(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("https://") and len(value) > len("https://")


def _valid_date(value: Any) -> bool:
    if isinstance(value, dt.date):  # YAML reads 2026-01-15 as a date; a timestamp is no date
        return not isinstance(value, dt.datetime)
    return isinstance(value, (str, int)) and parse_date(str(value)) is not None


def parse_date(value: str) -> dt.date | None:
    text = str(value)
    if not _ISO_DATE.match(text):
        return None
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        return dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return None
