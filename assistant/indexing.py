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

import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import count

import numpy as np

from assistant.analysis import Analyzer, raw_words, surface_tokens, word_tokens
from assistant.gcpause import paused_gc
from assistant.memory import release_freed_memory
from assistant.models import Passage
from assistant.snippets import sentences
from assistant.sparse import Postings, Rows, RowsBuilder, ranges

# A title's core is the title without its parenthetical: "CultuurKrediet (Hefboom)" is about the
# CultuurKrediet; "(Hefboom)" only says who runs it.
PARENTHETICAL = re.compile(r"\([^)]*\)")
# The kinds of field a passage is tokenised into (a core only when the title has a
# parenthetical; else the title is its own core).
TITLE, CORE, KEYWORD, QUESTION, SENTENCE, VARIANT = range(6)
# A variant (`Passage.variants`) says what a passage is about, like an example question, with
# the words the rest of the corpus holds: it is not part of the BM25 text nor of the corpus's
# word counts, and a word no other field holds is left out of it. Variants are written the way
# users type, with their own details ("mijn webshop op Etsy") and words of neighbouring
# subjects ("verblijfskaart", "paspoort"); such words would let questions about something else
# match. New words for the corpus's subjects go into keywords or the synonym map instead.
_WORDINGS = (QUESTION, VARIANT)


class TokenisedCorpus:
    """Every field of every passage split into raw words once, the words numbered.

    Attributes:
        raws: the distinct raw words; a word's number is its position here.
        tokens: per raw word, its normalised tokens (`analysis.word_tokens`).
        fields: per field, its raw word numbers (rows in passage order, then field order).
        owners: int32 per field: the passage's position.
        kinds: int8 per field: `TITLE`, `CORE`, `KEYWORD`, `QUESTION`, `SENTENCE` or
            `VARIANT`.
    """

    def __init__(self, passages: Sequence[Passage]) -> None:
        numbers: defaultdict[str, int] = defaultdict(count().__next__)
        numbers[_SEPARATOR_WORD]  # number 0: where a field ends
        words = array("i")
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
                fields = list(_fields(passage))
                texts = [text for _, text in fields]
                if any("<" in text or _SEPARATOR_WORD in text for text in texts):
                    for text in texts:  # field by field: markup is removed per field
                        words.extend([numbers[_as_word(w)] for w in raw_words(text)])
                        words.append(0)
                else:  # one regular-expression pass for the whole passage
                    joined = _SEPARATOR.join(texts) + _SEPARATOR
                    words.extend(map(numbers.__getitem__, raw_words(joined)))
                owners.extend([position] * len(fields))
                kinds.extend([kind for kind, _ in fields])
                counted.extend(
                    [k not in (CORE, VARIANT) and not (markup and k == SENTENCE) for k, _ in fields]
                )
        self.raws = [_SEPARATOR_WORD if w == _LITERAL else w for w in list(numbers)[1:]]
        # Each distinct word's normalised tokens (what `surface_tokens` gives for it), once.
        self.tokens = [word_tokens(raw) for raw in self.raws]
        self.fields = _split_fields(np.frombuffer(words, dtype=np.int32))
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
        for tokens, times in zip(self.tokens, per_raw.tolist(), strict=True):
            if times:
                for word in tokens:
                    counts[word] += times
        counts.update(self._whole_texts)
        return counts


# Between the fields of a passage joined for one tokenising pass: a letter no Dutch (or
# English) text holds, so it is a word of its own; a passage that holds it is read per field.
_SEPARATOR_WORD = "\ua66e"  # CYRILLIC LETTER MULTIOCULAR O
_SEPARATOR = f" {_SEPARATOR_WORD} "
_LITERAL = f"\0{_SEPARATOR_WORD}"  # the separator's letter where a text itself holds it


def _as_word(word: str) -> str:
    return _LITERAL if word == _SEPARATOR_WORD else word


def _split_fields(words: np.ndarray) -> Rows:
    """Rows of raw word numbers (shifted down by one) from a stream where 0 ends a field."""
    ends = np.flatnonzero(words == 0)
    ptr = np.zeros(len(ends) + 1, dtype=np.int64)
    ptr[1:] = ends - np.arange(len(ends))
    return Rows(ptr, (words[words != 0] - 1).astype(np.int32))


def _fields(passage: Passage) -> Iterator[tuple[int, str]]:
    yield TITLE, passage.title
    if PARENTHETICAL.search(passage.title):
        yield CORE, PARENTHETICAL.sub(" ", passage.title)
    yield from ((KEYWORD, k) for k in passage.keywords)
    yield from ((QUESTION, q) for q in passage.questions)
    yield from ((SENTENCE, s) for s in sentences(passage.text))
    yield from ((VARIANT, v) for v in passage.variants)


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
    # Per term: how many passages name it in their title, keywords or example questions (not
    # in variants, which spread everyday words over many passages; see `names_subject`).
    named: np.ndarray

    def mapped(self) -> list[np.ndarray]:
        """Every array: what a cache file holds, and maps when it is read."""
        rows = (self.doc_terms, self.titles, self.cores, self.about, self.sentences, self.questions)
        return [
            *vars(self.postings).values(),
            *(a for r in rows for a in (r.ptr, r.ids)),
            self.sentence_owners,
            self.question_owners,
            self.named,
        ]

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
            for words in tokens.tokens:
                terms = analyzer.word_terms(words)
                per_raw.add([numbers.setdefault(t, len(numbers)) for t in terms])
        lookup, n_terms, n = per_raw.build(), len(numbers), tokens.passages
        held = _held_elsewhere(tokens, lookup, n_terms)
        has_core = np.zeros(n, dtype=bool)
        has_core[tokens.owners[tokens.kinds == CORE]] = True
        # A few thousand passages at a time, so that the arrays in between stay small.
        first_field = np.searchsorted(tokens.owners, np.arange(n + 1))
        pieces: dict[str, list[tuple[np.ndarray, np.ndarray]]] = {}
        tfs, lengths = [], []
        named = np.zeros(n_terms, dtype=np.int64)
        for start in range(0, n, CHUNK):
            stop = min(n, start + CHUNK)
            chunk = _Chunk(lookup, tokens, int(first_field[start]), int(first_field[stop]), held)
            title = chunk.kind == TITLE
            title_keys = chunk.keys(title, n_terms)
            document = np.concatenate(
                [
                    chunk.keys((chunk.kind != CORE) & (chunk.kind != VARIANT), n_terms),
                    *[title_keys] * (title_weight - 1),
                ]
            )
            doc_keys, counts = np.unique(document, return_counts=True)
            tfs.append(counts.astype(np.int32))  # a term's count in one passage
            lengths.append(
                np.bincount(doc_keys // n_terms - start, weights=counts, minlength=stop - start)
            )
            core = (chunk.kind == CORE) | (title & ~has_core[chunk.owner])
            about = title | (chunk.kind == KEYWORD) | np.isin(chunk.kind, _WORDINGS)
            named += np.bincount(
                np.unique(chunk.keys(about & (chunk.kind != VARIANT), n_terms)) % n_terms,
                minlength=n_terms,
            )
            for name, keys in (
                ("doc", doc_keys),
                ("title", np.unique(title_keys)),
                ("core", np.unique(chunk.keys(core, n_terms))),
                ("about", np.unique(chunk.keys(about, n_terms))),
            ):
                pieces.setdefault(name, []).append(_per_passage(keys, n_terms, start, stop))
            for kind in (SENTENCE, QUESTION):
                kinds = _WORDINGS if kind == QUESTION else (kind,)
                pieces.setdefault(str(kind), []).append(chunk.parts(kinds, n_terms))
            del chunk
            release_freed_memory()  # the step's temporaries, before the next step's
        rows = {name: _join(pieces.pop(name)) for name in list(pieces)}  # each freed once joined
        tf = np.concatenate(tfs)
        del tfs
        doc_len = np.concatenate(lengths).astype(np.int64)  # whole numbers, exact in float64
        release_freed_memory()
        return cls(
            list(numbers),
            Postings.build(rows["doc"], tf, doc_len, n_terms, k1, b),
            rows["doc"],
            rows["title"],
            rows["core"],
            rows["about"],
            rows[str(SENTENCE)],
            _owners(tokens, (SENTENCE,)),
            rows[str(QUESTION)],
            _owners(tokens, _WORDINGS),
            named.astype(np.int32),
        )


# How many passages `IndexArrays.build` handles in one step.
CHUNK = 4096


class _Chunk:
    """The term entries of the fields of a run of passages (fields `first` to `last`)."""

    def __init__(
        self,
        lookup: Rows,
        tokens: TokenisedCorpus,
        first: int,
        last: int,
        held: np.ndarray | None = None,
    ) -> None:
        ptr = tokens.fields.ptr
        raws = tokens.fields.ids[ptr[first] : ptr[last]]
        lengths = np.diff(lookup.ptr)[raws]
        self.terms = lookup.ids[ranges(lookup.ptr[:-1][raws], lengths)]
        raw_field = np.repeat(np.arange(first, last), np.diff(ptr[first : last + 1]))
        self.field = np.repeat(raw_field, lengths)
        self.kind = tokens.kinds[self.field]
        if held is not None:  # a variant keeps the terms other fields hold (`_WORDINGS`)
            keep = (self.kind != VARIANT) | held[self.terms]
            self.terms, self.field, self.kind = self.terms[keep], self.field[keep], self.kind[keep]
        self.owner = tokens.owners[self.field]
        self._first, self._last, self._kinds = first, last, tokens.kinds

    def keys(self, chosen: np.ndarray, n_terms: int) -> np.ndarray:
        """``passage * n_terms + term`` of the chosen entries (int64: it can pass 2**31)."""
        return self.owner[chosen].astype(np.int64) * n_terms + self.terms[chosen]

    def parts(self, kinds: Sequence[int], n_terms: int) -> tuple[np.ndarray, np.ndarray]:
        """Per field of one of `kinds`: how many distinct terms it has, and those terms in
        order of first occurrence."""
        chosen = np.isin(self.kind, kinds)
        field, terms = self.field[chosen], self.terms[chosen]
        _, first = np.unique(field.astype(np.int64) * n_terms + terms, return_index=True)
        first.sort()
        width = self._last - self._first
        counts = np.bincount(field[first] - self._first, minlength=width)
        return counts[np.isin(self._kinds[self._first : self._last], kinds)], terms[first]


def _held_elsewhere(tokens: TokenisedCorpus, lookup: Rows, n_terms: int) -> np.ndarray | None:
    """Per term, whether a field other than a variant holds it (None: there are no variants,
    so every term is)."""
    variant = tokens.kinds == VARIANT
    if not variant.any():
        return None
    of_variant = np.repeat(variant, tokens.fields.lengths())
    raws = np.unique(tokens.fields.ids[~of_variant])
    held = np.zeros(n_terms, dtype=bool)
    held[lookup.ids[ranges(lookup.ptr[:-1][raws], np.diff(lookup.ptr)[raws])]] = True
    return held


def _per_passage(
    keys: np.ndarray, n_terms: int, start: int, stop: int
) -> tuple[np.ndarray, np.ndarray]:
    """From sorted ``passage * n_terms + term`` keys of passages `start` to `stop`: how many
    terms each passage has, and the terms."""
    counts = np.bincount(keys // n_terms - start, minlength=stop - start)
    return counts, (keys % n_terms).astype(np.int32)


def _join(pieces: list[tuple[np.ndarray, np.ndarray]]) -> Rows:
    """Rows from consecutive (row lengths, ids) pieces."""
    lengths = np.concatenate([counts for counts, _ in pieces])
    ptr = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=ptr[1:])
    return Rows(ptr, np.concatenate([ids for _, ids in pieces]).astype(np.int32))


def _owners(tokens: TokenisedCorpus, kinds: Sequence[int]) -> np.ndarray:
    """Per passage, the offset of its first field of one of `kinds` among all such fields."""
    owners = np.zeros(tokens.passages + 1, dtype=np.int64)
    chosen = tokens.owners[np.isin(tokens.kinds, kinds)]
    np.cumsum(np.bincount(chosen, minlength=tokens.passages), out=owners[1:])
    return owners
