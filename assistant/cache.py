"""Build once, start fast: a corpus, analysed and indexed, in one cache file.

`write` stores what `Assistant` builds from a corpus folder: the passages and the rest of the
validated corpus (as JSON), the corpus's word counts, the index arrays, the typo index and
the word votes and neighbours learnt from the labelled questions that ship with Wegwijzer
(as numpy arrays; reading and learning from those questions took half of a start), under a
small header: the format, the package version, a digest of the code that builds the index,
of every file of the corpus folder and of the shipped votes file. `read` gives the
assistant back only when all of them match (anything else, including a damaged file, reads
as "no cache": the caller then builds from the folder). Nothing in the file is unpickled.

The file is one header and the raw bytes of each array, each at an offset aligned to 64
bytes. `read` maps the file into memory and views the arrays in place: nothing is copied
or parsed at start (at 100,000 passages, unpacking the same arrays from an ``.npz`` took
0.6 s), the pages are read when a question first touches them, and processes reading the
same cache share them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import mmap
import os
import tempfile
from collections import Counter
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

import numpy as np

import assistant
from assistant.core import Assistant, BuiltIndex
from assistant.corpus import Corpus, Problem, RegisteredSource, load_corpus
from assistant.decision import AnswerabilityModel
from assistant.gcpause import paused_gc
from assistant.indexing import IndexArrays
from assistant.models import Link, Passage, Source
from assistant.sparse import Postings, Rows
from assistant.typos import TypoIndex
from assistant.votes import Neighbours, Votes, shipped_votes_digest

FORMAT = 6
MAGIC = b"wegwijzer-index\n"
_ALIGN = 64
# The modules whose code decides what is in the file: a change to one of them is a new cache.
_CODE = (
    "analysis.py",
    "corpus.py",
    "core.py",
    "indexing.py",
    "lexicon.py",
    "models.py",
    "retrieval.py",
    "snippets.py",
    "sparse.py",
    "typos.py",
    "votes.py",
)
_ROWS = ("doc_terms", "titles", "cores", "about", "sentences", "questions")


logger = logging.getLogger(__name__)


def default_path(directory: Path | str, cache_home: Path) -> Path:
    """Where the cache of a corpus folder lives under `cache_home` (one file per folder)."""
    key = hashlib.sha256(str(Path(directory).resolve()).encode()).hexdigest()[:16]
    return cache_home / "wegwijzer" / f"index-{key}.bin"


def user_path(directory: Path | str, environ: Mapping[str, str] | None = None) -> Path:
    """`default_path` in the user's cache folder: ``$XDG_CACHE_HOME``, else ``~/.cache``."""
    env = os.environ if environ is None else environ
    home = env.get("XDG_CACHE_HOME", "").strip()
    return default_path(directory, Path(home) if home else Path.home() / ".cache")


def load(
    directory: Path | str, path: Path, *, model: AnswerabilityModel | None = None
) -> Assistant:
    """The assistant for a corpus folder: read from the cache file `path` when it matches,
    else built from the folder and written to `path` for the next start.

    A cache that cannot be written (a read-only or full disk) costs only the next start's
    speed: it is logged, not raised.

    Raises:
        CorpusError: the folder's corpus has errors (nothing is written then).
    """
    found = read(directory, path, model=model)
    if found is not None:
        return found
    built = Assistant(load_corpus(directory), model=model)
    try:
        write(built, path)
    except OSError as exc:
        logger.warning("index cache not written to %s: %s", path, exc.strerror or exc)
    return built


def corpus_digest(directory: Path | str) -> str:
    """A digest of every file of a corpus folder: names and contents."""
    root = Path(directory)
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def code_digest() -> str:
    """A digest of the modules that build what the cache holds, and of the stemmer's version
    (another Snowball gives other stems: PyStemmer 2's "dutch" is not 3's)."""
    import Stemmer

    here = Path(__file__).parent
    digest = hashlib.sha256(f"PyStemmer {Stemmer.version()}\0".encode())
    for name in _CODE:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def write(built: Assistant, path: Path) -> None:
    """Write `built`'s corpus and index to `path` (atomically: a reader never sees half)."""
    arrays, typos = built.built.arrays, built.built.typos
    header = {
        "format": FORMAT,
        "version": assistant.__version__,
        "code": code_digest(),
        "corpus": corpus_digest(built.corpus.directory),
        "directory": str(built.corpus.directory.resolve()),
        "owner_bits": typos.owner_bits,
        "votes": shipped_votes_digest(),
    }
    words = list(built.built.counts)
    data: dict[str, np.ndarray] = {
        "corpus": _text(json.dumps(_corpus_data(built.corpus), ensure_ascii=False)),
        "terms": _text("\n".join(arrays.terms)),
        "count_words": _text("\n".join(words)),
        "counts": np.array([built.built.counts[w] for w in words], dtype=np.int64),
        "typo_words": _text("\n".join(typos.words)),
        "typo_entries": typos.entries,
        "sentence_owners": arrays.sentence_owners,
        "question_owners": arrays.question_owners,
        "named": arrays.named,
        **{f"postings_{k}": v for k, v in vars(arrays.postings).items()},
    }
    for name in _ROWS:
        rows = getattr(arrays, name)
        data[f"{name}_ptr"], data[f"{name}_ids"] = rows.ptr, rows.ids
    if built.built.learnt is not None:  # lists of strings as text, one to a line
        votes, neighbours = built.built.learnt
        texts = header.setdefault("texts", [])
        for prefix, saved in (("votes", votes.saved()), ("neighbours", neighbours.saved())):
            for key, value in saved.items():
                name = f"{prefix}.{key}"
                if isinstance(value, np.ndarray):
                    data[name] = value
                else:
                    data[name] = _text("\n".join(value))
                    texts.append(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as handle:
        try:
            _write_arrays(handle, header, data)
        except BaseException:
            handle.close()
            os.unlink(handle.name)  # no half-written file left behind
            raise
    os.replace(handle.name, path)


def read(
    directory: Path | str, path: Path, *, model: AnswerabilityModel | None = None
) -> Assistant | None:
    """The assistant cached in `path` for corpus folder `directory`, or None when there is
    no cache or it does not match the folder, the code or the version."""
    try:
        header, data = _read_arrays(path)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if not _matches(header, Path(directory)):
        return None
    with paused_gc():
        corpus = _corpus(json.loads(_untext(data["corpus"])))
        words = _untext(data["count_words"]).split("\n") if data["count_words"].size else []
        counts = Counter(dict(zip(words, data["counts"].tolist(), strict=True)))
        typos = TypoIndex(
            tuple(_untext(data["typo_words"]).split("\n")) if data["typo_words"].size else (),
            data["typo_entries"],
            header["owner_bits"],
        )
        arrays = _arrays(data)
        learnt = _learnt(data, header.get("texts", ()))
        return Assistant(corpus, model=model, built=BuiltIndex(counts, arrays, typos, learnt))


def _write_arrays(handle: Any, header: Mapping[str, Any], data: Mapping[str, np.ndarray]) -> None:
    """Write `header` (JSON, with where each array lies) and the arrays' raw bytes."""
    arrays = {name: np.ascontiguousarray(array) for name, array in data.items()}
    layout, offset = {}, 0
    for name, array in arrays.items():
        layout[name] = [array.dtype.str, list(array.shape), offset]
        offset = _aligned(offset + array.nbytes)
    head = json.dumps({**header, "arrays": layout}).encode()
    start = _aligned(len(MAGIC) + 8 + len(head))
    handle.write(MAGIC + len(head).to_bytes(8, "little") + head)
    handle.write(bytes(start - handle.tell()))
    for name, array in arrays.items():
        handle.write(bytes(start + layout[name][2] - handle.tell()))
        handle.write(memoryview(array).cast("B"))


def _read_arrays(path: Path) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The header and read-only views of the arrays `_write_arrays` wrote to `path`.

    Raises:
        OSError, ValueError, KeyError, TypeError, AttributeError: no such file, or not one of
            ours, or cut short.
    """
    with open(path, "rb") as handle:
        if handle.read(len(MAGIC)) != MAGIC:
            raise ValueError("not a Wegwijzer index cache")
        size = int.from_bytes(handle.read(8), "little")
        header = json.loads(handle.read(size))
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    start = _aligned(len(MAGIC) + 8 + size)
    data = {}
    for name, (dtype, shape, offset) in header.pop("arrays").items():
        kind = np.dtype(dtype)
        count = math.prod(shape)
        if start + offset + count * kind.itemsize > len(mapped):
            raise ValueError(f"the cache is cut short at {name}")
        view = np.frombuffer(mapped, kind, count, start + offset) if count else np.empty(0, kind)
        data[name] = view.reshape(shape)
    return header, data


def _aligned(offset: int) -> int:
    return -(-offset // _ALIGN) * _ALIGN


def _matches(header: Mapping[str, Any], directory: Path) -> bool:
    return (
        header.get("format") == FORMAT
        and header.get("version") == assistant.__version__
        and header.get("directory") == str(directory.resolve())
        and header.get("code") == code_digest()
        and header.get("corpus") == corpus_digest(directory)
        and header.get("votes") == shipped_votes_digest()
    )


def _arrays(data: Mapping[str, np.ndarray]) -> IndexArrays:
    rows = {name: Rows(data[f"{name}_ptr"], data[f"{name}_ids"]) for name in _ROWS}
    postings = Postings(*(data[f"postings_{k}"] for k in ("ptr", "docs", "weights", "idf", "df")))
    return IndexArrays(
        terms=_untext(data["terms"]).split("\n"),
        postings=postings,
        sentence_owners=data["sentence_owners"],
        question_owners=data["question_owners"],
        named=data["named"],
        **rows,
    )


def _learnt(
    data: Mapping[str, np.ndarray], texts: Collection[str]
) -> tuple[Votes, Neighbours] | None:
    """The word votes and the neighbours `write` stored, or None when it stored none."""
    saved: dict[str, dict[str, Any]] = {"votes": {}, "neighbours": {}}
    for name, array in data.items():
        prefix, _, key = name.partition(".")
        if prefix in saved and name in texts:
            saved[prefix][key] = _untext(array).split("\n") if array.size else []
        elif prefix in saved:
            saved[prefix][key] = array
    votes, near = saved["votes"], saved["neighbours"]
    if not votes or (
        len(votes["terms"]) != len(votes["ptr"]) - 1 or len(near["terms"]) != len(near["weights"])
    ):  # none stored, or their terms do not fit them: learnt again
        return None
    return Votes(**votes), Neighbours.restored(near)


def _text(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def _untext(array: np.ndarray) -> str:
    return str(array.data, "utf-8")  # decoded from the mapped bytes, not from a copy


# --- the corpus as JSON ---------------------------------------------------------------


def _source_data(source: Source) -> list[str | None]:
    return [source.title, source.publisher, source.date, source.url, source.document]


def _corpus_data(corpus: Corpus) -> dict[str, Any]:
    sources: dict[tuple[str | None, ...], int] = {}
    passages = []
    for p in corpus.passages:
        key = tuple(_source_data(p.source))
        passages.append(
            [
                p.id,
                p.kind,
                p.title,
                p.text,
                p.questions,
                sources.setdefault(key, len(sources)),
                p.checked,
                p.status,
                p.keywords,
                p.superseded_by,
                [[link.label, link.url] for link in p.links],
                p.related,
                p.file,
                p.sources,
                p.linked,
                p.variants,
                p.overview,
            ]
        )
    return {
        "directory": str(corpus.directory),
        "synonyms": corpus.synonyms,
        "english": corpus.english,
        "outside": corpus.outside,
        "register": [
            [r.id, _source_data(r.source), r.compared, r.file] for r in corpus.sources.values()
        ],
        "warnings": [[w.file, w.passage, w.field, w.message, w.severity] for w in corpus.warnings],
        "sources": [list(key) for key in sources],
        "passages": passages,
    }


def _corpus(data: Mapping[str, Any]) -> Corpus:
    sources = [Source(*fields) for fields in data["sources"]]
    passages = tuple(
        Passage(
            id=p[0],
            kind=p[1],
            title=p[2],
            text=p[3],
            questions=tuple(p[4]),
            source=sources[p[5]],
            checked=p[6],
            status=p[7],
            keywords=tuple(p[8]),
            superseded_by=p[9],
            links=tuple(Link(label, url) for label, url in p[10]),
            related=tuple(p[11]),
            file=p[12],
            sources=tuple(p[13]),
            linked=tuple(p[14]),
            variants=tuple(p[15]),
            overview=p[16],
        )
        for p in data["passages"]
    )
    register = {r[0]: RegisteredSource(r[0], Source(*r[1]), r[2], r[3]) for r in data["register"]}
    return Corpus(
        Path(data["directory"]),
        passages,
        {k: tuple(v) for k, v in data["synonyms"].items()},
        register,
        tuple(Problem(*w) for w in data["warnings"]),
        {k: tuple(v) for k, v in data["english"].items()},
        {k: tuple(v) for k, v in data["outside"].items()},
    )
