"""From passages to the index's arrays: every field tokenised once, every distinct word
analysed once, and the rest done on arrays.

`TokenisedCorpus` splits each field of each passage into its raw words (lowercased tokens, see
`analysis.raw_words`) and numbers them; the corpus's word counts (the typo-correction and
decompounding lexicon) come from those numbers. `IndexArrays.build` then analyses each distinct
raw word once (stems and compound parts) and expands the fields into term ids with numpy: the
per-passage term counts, the title, core and about terms, and the terms of each sentence and
example question, exactly as analysing each field with `Analyzer.document_terms` gives them.
"""

from __future__ import annotations

import gc
import re
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from assistant.analysis import Analyzer, raw_words, surface_tokens
from assistant.models import Passage
from assistant.snippets import sentences
from assistant.sparse import Postings, Rows, RowsBuilder

# A title's core is the title without its parenthetical: "CultuurKrediet (Hefboom)" is about the
# CultuurKrediet; "(Hefboom)" only says who runs it.
PARENTHETICAL = re.compile(r"\([^)]*\)")
# The kinds of field a passage is tokenised into (a core only when the title has a
# parenthetical; else the title is its own core).
TITLE, CORE, KEYWORD, QUESTION, SENTENCE = range(5)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Keep the garbage collector from running while millions of objects are made that all
    stay alive: its passes would find nothing to free and cost most of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class TokenisedCorpus:
    """Every field of every passage split into raw words once, the words numbered.

    Attributes:
        raws: the distinct raw words; a word's number is its position here.
        fields: per field, its raw word numbers (rows in passage order, then field order).
        owners: int32 per field: the passage's position.
        kinds: int8 per field: `TITLE`, `CORE`, `KEYWORD`, `QUESTION` or `SENTENCE`.
    """

    def __init__(self, passages: Sequence[Passage]) -> None:
        numbers: dict[str, int] = {}
        fields = RowsBuilder()
        owners, kinds, counted = array("i"), array("b"), array("b")
        self._whole_texts: Counter[str] = Counter()
        with paused_gc():
            for position, passage in enumerate(passages):
                # Markup ("<b>...</b>") is removed per field: a tag across two sentences would
                # make the sentences' words differ from the text's, so such a text is counted
                # as a whole (the index still reads it per sentence, as it always did).
                markup = "<" in passage.text
                if markup:
                    self._whole_texts.update(surface_tokens(passage.text))
                for kind, text in _fields(passage):
                    fields.add([numbers.setdefault(w, len(numbers)) for w in raw_words(text)])
                    owners.append(position)
                    kinds.append(kind)
                    counted.append(kind != CORE and not (markup and kind == SENTENCE))
        self.raws = list(numbers)
        self.fields = fields.build()
        self.owners = np.frombuffer(owners, dtype=np.int32).copy()
        self.kinds = np.frombuffer(kinds, dtype=np.int8).copy()
        self._counted = np.frombuffer(counted, dtype=np.int8).astype(bool)
        self.passages = len(passages)

    def word_counts(self) -> Counter[str]:
        """How often each (folded) word occurs in the corpus: titles, text, questions, keywords
        (the same counts as `retrieval.corpus_word_counts`)."""
        mask = np.repeat(self._counted, self.fields.lengths())
        per_raw = np.bincount(self.fields.ids[mask], minlength=len(self.raws))
        counts: Counter[str] = Counter()
        for raw, count in zip(self.raws, per_raw.tolist(), strict=True):
            if count:
                for word in surface_tokens(raw):
                    counts[word] += count
        counts.update(self._whole_texts)
        return counts


def _fields(passage: Passage) -> Iterator[tuple[int, str]]:
    yield TITLE, passage.title
    if PARENTHETICAL.search(passage.title):
        yield CORE, PARENTHETICAL.sub(" ", passage.title)
    yield from ((KEYWORD, k) for k in passage.keywords)
    yield from ((QUESTION, q) for q in passage.questions)
    yield from ((SENTENCE, s) for s in sentences(passage.text))


@dataclass(frozen=True)
class IndexArrays:
    """Everything the index knows about a corpus, as flat arrays over term ids.

    Per passage (rows in corpus order): its distinct terms (`doc_terms`, with `postings` the
    BM25 weights per term), the terms of its title, of its title's core (without the
    parenthetical) and of what it is about (title, keywords, example questions). Per sentence
    of its text and per example question: the terms, each once, in the order they occur;
    `sentence_owners` and `question_owners` say which rows belong to which passage.
    """

    terms: list[str]
    postings: Postings
    doc_terms: Rows
    titles: Rows
    cores: Rows
    about: Rows
    sentences: Rows
    sentence_owners: np.ndarray
    questions: Rows
    question_owners: np.ndarray

    @classmethod
    def build(
        cls,
        tokens: TokenisedCorpus,
        analyzer: Analyzer,
        *,
        k1: float,
        b: float,
        title_weight: int,
    ) -> IndexArrays:
        """Analyse each distinct word once and index every field's terms.

        Args:
            tokens: the tokenised corpus.
            analyzer: turns a word into index terms (`Analyzer.document_terms`).
            k1: BM25's k1.
            b: BM25's b.
            title_weight: how many times the title counts in a passage's BM25 document.
        """
        numbers: dict[str, int] = {}
        per_raw = RowsBuilder()
        with paused_gc():
            for raw in tokens.raws:
                per_raw.add(
                    [numbers.setdefault(t, len(numbers)) for t in analyzer.document_terms(raw)]
                )
        fields = _expand(per_raw.build(), tokens.fields)
        n_terms, n = len(numbers), tokens.passages
        field_of = np.repeat(np.arange(len(fields), dtype=np.int64), fields.lengths())
        kind, owner = tokens.kinds[field_of], tokens.owners[field_of].astype(np.int64)
        terms = fields.ids.astype(np.int64)
        del field_of
        title = kind == TITLE
        in_document = title | (kind == KEYWORD) | (kind == QUESTION) | (kind == SENTENCE)
        keys = owner[in_document] * n_terms + terms[in_document]
        title_keys = owner[title] * n_terms + terms[title]
        keys = np.concatenate([keys, *[title_keys] * (title_weight - 1)])
        doc_keys, tfs = np.unique(keys, return_counts=True)
        del keys
        doc_terms = _rows(doc_keys, n_terms, n)
        doc_len = np.bincount(doc_keys // n_terms, weights=tfs, minlength=n).astype(np.int64)
        postings = Postings.build(doc_terms, tfs.astype(np.int64), doc_len, n_terms, k1, b)
        del doc_keys, tfs
        has_core = np.zeros(n, dtype=bool)
        has_core[tokens.owners[tokens.kinds == CORE]] = True
        core = (kind == CORE) | (title & ~has_core[owner])
        about = title | (kind == KEYWORD) | (kind == QUESTION)
        sentence_rows, sentence_owners = _parts(fields, tokens, SENTENCE)
        question_rows, question_owners = _parts(fields, tokens, QUESTION)
        return cls(
            list(numbers),
            postings,
            doc_terms,
            _rows(np.unique(title_keys), n_terms, n),
            _rows(np.unique(owner[core] * n_terms + terms[core]), n_terms, n),
            _rows(np.unique(owner[about] * n_terms + terms[about]), n_terms, n),
            sentence_rows,
            sentence_owners,
            question_rows,
            question_owners,
        )


def _expand(per_raw: Rows, fields: Rows) -> Rows:
    """Each field's raw word numbers replaced by those words' term ids, in order."""
    lengths = per_raw.lengths()[fields.ids]
    ends = np.cumsum(lengths)
    shift = np.repeat(per_raw.ptr[fields.ids] - (ends - lengths), lengths)
    ids = per_raw.ids[shift + np.arange(int(ends[-1]) if len(ends) else 0)]
    ptr = np.concatenate([[0], ends])[fields.ptr]
    return Rows(ptr.astype(np.int64), ids)


def _rows(keys: np.ndarray, n_terms: int, n_rows: int) -> Rows:
    """Rows from sorted ``row * n_terms + term`` keys."""
    rows = keys // n_terms
    ptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n_rows), out=ptr[1:])
    return Rows(ptr, (keys % n_terms).astype(np.int32))


def _parts(fields: Rows, tokens: TokenisedCorpus, kind: int) -> tuple[Rows, np.ndarray]:
    """The fields of one kind as rows of their distinct terms (in order of first occurrence),
    and per passage the offsets of its rows."""
    chosen = tokens.kinds == kind
    lengths = fields.lengths()[chosen]
    part_of = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    terms = fields.ids[np.repeat(chosen, fields.lengths())].astype(np.int64)
    _, first = np.unique(part_of * (int(fields.ids.max(initial=0)) + 1) + terms, return_index=True)
    first.sort()
    ptr = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(np.bincount(part_of[first], minlength=len(lengths)), out=ptr[1:])
    owners = np.zeros(tokens.passages + 1, dtype=np.int64)
    np.cumsum(np.bincount(tokens.owners[chosen], minlength=tokens.passages), out=owners[1:])
    return Rows(ptr, terms[first].astype(np.int32)), owners
