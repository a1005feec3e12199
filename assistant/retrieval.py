"""BM25 retrieval over analysed passages (rank-bm25 with a Lucene-style IDF)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Container, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import pairwise

import numpy as np

from assistant.analysis import Analyzer, TermGroup, surface_tokens
from assistant.gcpause import paused_gc
from assistant.indexing import PARENTHETICAL, IndexArrays, TokenisedCorpus
from assistant.memo import Memo
from assistant.models import Passage
from assistant.snippets import sentences
from assistant.sparse import Rows, top_k

TITLE_WEIGHT = 2  # the title is what a user would call the passage: count it twice
K1, B = 1.2, 0.75
# A historical passage is usually shorter than its successor, which BM25 rewards; users want
# today's situation first unless they ask about the past (then "2012" etc. tips the balance).
HISTORICAL_WEIGHT = 0.8
# Words that ask about the past: then historical passages lose their handicap and current
# ones take it, so "hoe werkte de tax shelter in 2012" gets the 2012 passage first.
PAST_CUES = frozenset({"vroeger", "vroegere", "destijds", "voorheen", "oud", "oude", "ooit"})
FIRST_HISTORICAL_YEAR, LAST_HISTORICAL_YEAR = 1990, 2019
# A passage whose whole title the question names gets up to this much extra score: "wat is de
# winwinlening" wants the passage called "Winwinlening", not the one about its conditions.
TITLE_BOOST = 0.3
ALTERNATIVE_WEIGHT = 0.6  # a synonym beside a word the corpus knows
PART_WEIGHT = 0.4  # each compound part


class Hit:
    """One ranked passage with its BM25 score and how much of the question it covers.

    A search ranks ten passages but an answer reads the coverage of the first three only, so a
    search's hits work it out when it is first read (`measure`), not before.
    """

    __slots__ = ("_coverage", "_measure", "passage", "score")

    def __init__(
        self,
        passage: Passage,
        score: float,
        coverage: float | None = None,
        *,
        measure: Callable[[], float] | None = None,
    ) -> None:
        if coverage is None and measure is None:
            raise ValueError("a hit needs its coverage or a way to measure it")
        self.passage = passage
        self.score = score
        self._coverage = coverage
        self._measure = measure

    @property
    def coverage(self) -> float:
        """Share of the question's information the passage contains (see `coverage`)."""
        if self._coverage is None:
            assert self._measure is not None
            self._coverage, self._measure = self._measure(), None
        return self._coverage

    def with_coverage(self, coverage: float) -> Hit:
        """The same passage and score, covering `coverage` of a question."""
        return Hit(self.passage, self.score, coverage)

    def _key(self) -> tuple[Passage, float, float]:
        return self.passage, self.score, self.coverage

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Hit) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Hit({self.passage.id!r}, score={self.score!r}, coverage={self.coverage!r})"


@dataclass(frozen=True)
class Signals:
    """How well the top passage of one search matches the question (see `decision.FEATURES`)."""

    coverage: float
    about: float
    known_coverage: float
    unknown_common: float
    unknown_rare: float
    score: float
    margin: float
    title: float
    words: float
    historical: float
    sentence: float
    uncovered_max: float
    question: float


NO_SIGNALS = Signals(*[0.0] * 13)


@dataclass(frozen=True)
class _Query:
    """What every step of one search needs to know about a question's words, worked out once
    (the same numbers, in the same order, as computing them where they are used)."""

    groups: tuple[TermGroup, ...]
    info: tuple[float, ...]  # `information` of each group
    total: float  # their sum
    known: tuple[bool, ...]  # the corpus holds the word or a stand-in for the whole word
    # Terms as index term ids (a term the index lacks is in no passage: -1, or left out).
    whole: tuple[frozenset[int], ...]  # per group: its primary and alternatives
    parts: tuple[tuple[tuple[int, float], ...], ...]  # per group: (part, its weight)
    part_totals: tuple[float, ...]  # per group: the sum of its parts' weights
    ids: frozenset[int]  # every term of `whole` and `parts`
    weights: dict[str, float]  # `query_weights`
    asked: tuple[int, ...]  # ids of the weighted terms the index holds
    best: float  # the highest BM25 score a passage could get per unit of length norm
    past: bool  # `asks_about_the_past`
    own: tuple[float, float, float, float]  # the signals of its words alone (`_word_signals`)

    def credit(self, k: int, terms: frozenset[int]) -> float:
        """How much of group `k` a set of term ids holds (1: the word or a stand-in)."""
        if not self.whole[k].isdisjoint(terms):
            return 1.0
        parts = self.parts[k]
        if not parts:
            return 0.0
        return sum(w for t, w in parts if t in terms) / self.part_totals[k]

    def credited(self, terms: frozenset[int]) -> float:
        """The summed information of the groups a set of term ids holds."""
        if self.ids.isdisjoint(terms):
            return 0.0  # what the sum below gives: every credit is 0
        return sum(w * self.credit(k, terms) for k, w in enumerate(self.info))


# A word the corpus lacks whose specificity is below this is an everyday word ("morgen",
# "verjaardag"); at or above it a rare or non-Dutch word (a product name, a typo, English).
EVERYDAY_SPECIFICITY = 0.6


# A word that at most this many passages are about names a subject (see `names_subject`).
SUBJECT_PASSAGES = 6
SUBJECT_SPECIFICITY = 0.9
# A question of at most this many words of its own names a subject only through stand-ins that
# name one too (see `PassageIndex._naming`).
SHORT_QUESTION_WORDS = 2


class PassageIndex:
    """The searchable form of a corpus.

    Its cost follows the postings, not the number of passages: every structure is a few flat
    arrays (see `sparse`), and a search adds up only the postings of the question's terms.
    """

    def __init__(
        self,
        passages: Sequence[Passage],
        analyzer: Analyzer,
        *,
        tokens: TokenisedCorpus | None = None,
        arrays: IndexArrays | None = None,
    ) -> None:
        if not passages:
            raise ValueError("cannot index an empty corpus")
        self.passages = tuple(passages)
        self.analyzer = analyzer
        with paused_gc():  # millions of lasting objects: nothing for the collector to find
            if arrays is None:
                arrays = IndexArrays.build(
                    tokens or TokenisedCorpus(self.passages),
                    analyzer,
                    k1=K1,
                    b=B,
                    title_weight=TITLE_WEIGHT,
                )
            self.arrays = arrays
            a = self.arrays
            self._terms = a.terms
            self._ids = {t: i for i, t in enumerate(a.terms)}
            self._idf = a.postings.idf.tolist()
            # What a passage is about: its title, keywords and example questions, not its prose.
            self._about_df = a.named.tolist()
            self._positions = {p.id: i for i, p in enumerate(self.passages)}
            # Passages the curator linked (related, or one superseding the other) are kin: a
            # close score between kin is no doubt about the subject, so the margin is taken over
            # the best passage that is not kin.
            self._kin: dict[str, frozenset[str]] = _kinship(self.passages)
            self._titles = _TitleTerms(a.titles, a.cores, len(a.terms))
            self._prior = np.array(
                [HISTORICAL_WEIGHT if p.is_historical else 1.0 for p in passages]
            )
            self._past_prior = np.array(
                [1.0 if p.is_historical else HISTORICAL_WEIGHT for p in passages]
            )
            self._unknown_idf = math.log(1 + (len(self.passages) + 0.5) / 0.5)
            self._recent: Memo[tuple[int, int], frozenset[int]] = Memo(_RECENT_ROWS)
            self._recent_parts: Memo[tuple[int, int], tuple[frozenset[int], ...]] = Memo(
                _RECENT_PASSAGES
            )
            self._recent_sentences: Memo[int, tuple[tuple[str, ...], ...]] = Memo(_RECENT_PASSAGES)
            self._queries: Memo[tuple[TermGroup, ...], _Query] = Memo(_QUERIES_KEPT)
            self._weighings: Memo[tuple[TermGroup, ...], tuple[np.ndarray, np.ndarray]] = Memo(
                _WEIGHINGS_KEPT
            )
            self._best_scores: Memo[tuple[TermGroup, ...], float] = Memo(_WEIGHINGS_KEPT)

    def knows(self, group: TermGroup) -> bool:
        """Whether a passage holds the word or one of its stand-ins (not a compound part)."""
        return any(self._known(t) for t in (group.primary, *group.alternatives))

    def _known(self, term: str) -> bool:
        """Whether a passage holds `term` (it has an IDF)."""
        i = self._ids.get(term)
        return i is not None and self._idf[i] > 0.0

    def _term_set(self, rows: Rows, row: int) -> frozenset[int]:
        """The term ids of one row as a set; the last few thousand are remembered, since each
        question reads the same few passages' rows several times."""
        return self._recent.get((id(rows), row), lambda _: frozenset(rows.row(row).tolist()))

    def _parts(self, parts: Rows, owners: np.ndarray, doc: int) -> tuple[frozenset[int], ...]:
        """The term ids of each part of passage `doc` (its sentences, or its example
        questions) as sets; those of the last few hundred passages are remembered."""
        return self._recent_parts.get((id(parts), doc), lambda _: _part_sets(parts, owners, doc))

    def sentence_terms(self, passage_id: str) -> tuple[tuple[str, ...], ...]:
        """The index terms of each sentence of a passage's text (`snippets.sentences`), each
        term once, in the order the sentence holds them; those of the last few hundred
        passages asked for are remembered (an answer's snippets come from a few passages)."""
        return self._recent_sentences.get(self._positions[passage_id], self._sentence_terms)

    def _sentence_terms(self, doc: int) -> tuple[tuple[str, ...], ...]:
        a, terms = self.arrays, self._terms
        return tuple(
            tuple(terms[i] for i in a.sentences.row(j).tolist())
            for j in range(a.sentence_owners[doc], a.sentence_owners[doc + 1])
        )

    def vocabulary(self) -> frozenset[str]:
        """Every term the index holds."""
        return frozenset(t for t, idf in zip(self._terms, self._idf, strict=True) if idf > 0.0)

    def are_kin(self, first: str, second: str) -> bool:
        """Whether the curator linked two passages (related, or one superseding the other)."""
        return second in self._kin.get(first, frozenset())

    def kin(self, passage_id: str) -> frozenset[str]:
        """The passages the curator linked to this one, either way (see `are_kin`)."""
        return self._kin.get(passage_id, frozenset())

    def names_subject(self, groups: Sequence[TermGroup]) -> bool:
        """Whether a question names a subject of its own: a word that few passages are about
        and that is rare in everyday Dutch ("cultuurkrediet", "octrooi"), unlike "aanvragen",
        "bedrag" or "klant"."""
        return any(
            0 < self._about_count(t) <= SUBJECT_PASSAGES
            for g in self._naming(groups)
            for t in (g.primary, *g.alternatives)
        )

    def names_other_subject(self, groups: Sequence[TermGroup], passage_ids: Sequence[str]) -> bool:
        """Whether a question names a subject that the given passages (a conversation's
        topic) do not hold: a word rare in everyday Dutch that passages are about, but that
        none of these holds. "mag ik mijn auteursrechten verhuren?" after the startlening names
        the auteursrecht: many passages are about it (so `names_subject` does not see it), and
        the startlening's passage does not hold it."""
        rows = self.arrays.doc_terms
        held = [
            self._term_set(rows, self._positions[p]) for p in passage_ids if p in self._positions
        ]
        if not held:
            return False
        for group in self._naming(groups):
            terms = {self._ids[t] for t in (group.primary, *group.alternatives) if t in self._ids}
            if any(self._about_df[t] for t in terms) and all(terms.isdisjoint(h) for h in held):
                return True
        return False

    def _naming(self, groups: Sequence[TermGroup]) -> Iterator[TermGroup]:
        """The question's own words (not its context's) that are rare enough in everyday
        Dutch to name a subject. In a question of a word or two, a stand-in must be too:
        "apply", rare in Dutch, stands for "aanvraag", which names no subject ("how do I
        apply?" after the kunstwerkattest is about applying for it). A longer question keeps
        its rare words as they are ("capital gains ... shares" names a subject of its own)."""
        own = [g for g in groups if g.weight == 1.0]
        short = len(own) <= SHORT_QUESTION_WORDS
        return (
            g
            for g in own
            if self.specificity(g) >= SUBJECT_SPECIFICITY
            and not (
                short
                and any(
                    self.analyzer.stand_in_specificity(t) < SUBJECT_SPECIFICITY
                    for t in g.alternatives
                )
            )
        )

    def _about_count(self, term: str) -> int:
        i = self._ids.get(term)
        return 0 if i is None else self._about_df[i]

    def idf(self, term: str) -> float:
        """IDF of an index term; a term the corpus lacks gets the highest IDF possible."""
        i = self._ids.get(term)
        idf = 0.0 if i is None else self._idf[i]
        return idf if idf > 0.0 else self._unknown_idf

    def search(self, groups: Sequence[TermGroup], limit: int) -> list[Hit]:
        """Rank passages for analysed question terms; best first, only positive scores.

        Ties go to the passage that comes first in the corpus.
        """
        query = self._query(groups)
        touched, scores = self._contenders(query, limit)
        best = top_k(scores, touched, limit)
        return [
            Hit(self.passages[doc], score, measure=partial(self._coverage, query, doc))
            for doc, score in zip(touched[best].tolist(), scores[best].tolist(), strict=True)
            if score > 0
        ]

    def hit(self, groups: Sequence[TermGroup], passage_id: str) -> Hit | None:
        """Passage `passage_id` as a hit of a search for `groups`, wherever it ranks; None when
        it shares no word with them."""
        doc = self._positions[passage_id]
        score, _ = self.score_and_best(groups, doc)
        if score <= 0:
            return None
        query = self._query(groups)
        return Hit(self.passages[doc], score, measure=partial(self._coverage, query, doc))

    def score_and_best(self, groups: Sequence[TermGroup], doc: int) -> tuple[float, float]:
        """The ranking score of passage `doc` and the best score of any passage: what
        ``scores(groups)[doc]`` and ``scores(groups).max()`` give, without boosting every
        passage (see `_contenders`)."""
        query = self._query(groups)
        touched, ranked = self._weighed(query)
        at = int(np.searchsorted(touched, doc))
        own = 0.0
        if at < len(touched) and touched[at] == doc:
            boost = self._titles.coverage(query.asked, touched[at : at + 1])
            own = float((ranked[at : at + 1] * (1.0 + TITLE_BOOST * boost))[0])
        return own, self._best_scores.get(query.groups, lambda _: self._best(query))

    def _best(self, query: _Query) -> float:
        """The best ranking score of any passage."""
        _, best = self._contenders(query, 1, self._weighed(query))
        return float(best.max()) if len(best) else 0.0

    def scores(self, groups: Sequence[TermGroup]) -> np.ndarray:
        """The ranking score of every passage for analysed question terms."""
        touched, scores = self.touched_scores(groups)
        dense = np.zeros(len(self.passages))
        dense[touched] = scores
        return dense

    def touched_scores(self, groups: Sequence[TermGroup]) -> tuple[np.ndarray, np.ndarray]:
        """The passages holding a question term (ascending positions) and their ranking scores.

        BM25 (rank-bm25's numbers, weighted per term), times the historical prior, times the
        title boost; computed for those passages only (any other passage scores 0).
        """
        return self._touched_scores(self._query(groups))

    def _touched_scores(self, query: _Query) -> tuple[np.ndarray, np.ndarray]:
        return self._contenders(query, len(self.passages))  # every passage can be among them

    def _weighed(self, query: _Query) -> tuple[np.ndarray, np.ndarray]:
        """The passages holding a question term (ascending) and their BM25 scores times the
        historical prior: the ranking score before the title boost. The last few are
        remembered: a conversation's turn scores the question's own words again to compare
        two readings (`Assistant.explained`). Read-only: callers share them."""
        return self._weighings.get(query.groups, lambda _: self._weigh(query))

    def _weigh(self, query: _Query) -> tuple[np.ndarray, np.ndarray]:
        ids, weights = [], []
        for term, weight in query.weights.items():
            i = self._ids.get(term)
            if i is not None and self._idf[i] > 0.0:
                ids.append(i)
                weights.append(weight)
        # One pass over the postings of all the terms: bincount adds each passage's weighted
        # postings in term order, the very sums (bit for bit) of adding one term after another.
        docs, values, lengths = self.arrays.postings.terms(np.array(ids, dtype=np.int64))
        scores = np.bincount(
            docs, weights=values * np.repeat(weights, lengths), minlength=len(self.passages)
        )
        touched = np.flatnonzero(scores != 0.0)  # on booleans: several times faster
        prior = self._past_prior if query.past else self._prior
        ranked = scores[touched] * prior[touched]
        touched.flags.writeable = ranked.flags.writeable = False
        return touched, ranked

    def _contenders(
        self,
        query: _Query,
        limit: int,
        weighed: tuple[np.ndarray, np.ndarray] | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """`_touched_scores` for the passages that can be among the `limit` best only.

        The title boost multiplies a score by 1 to 1 + `TITLE_BOOST`, so the `limit`-th best
        boosted score is at least the `limit`-th best unboosted one, and a passage whose
        score, boosted to the most, stays below that cannot be among the best: the boost (the
        costly part, in a large corpus) is worked out for the others only. The same scores and
        the same `limit` best as boosting every passage. `weighed`: what `_weighed` gave for
        this query, when the caller has it.
        """
        touched, ranked = weighed or self._weighed(query)
        if len(ranked) > limit:
            floor = np.partition(ranked, len(ranked) - limit)[len(ranked) - limit]
            # The most the boost can multiply by, with room for the rounding of the product.
            keep = ranked * ((1.0 + TITLE_BOOST) * (1.0 + 1e-9)) >= floor
            touched, ranked = touched[keep], ranked[keep]
        return touched, ranked * (1.0 + TITLE_BOOST * self._titles.coverage(query.asked, touched))

    def _query(self, groups: Sequence[TermGroup]) -> _Query:
        """The per-question view of `groups`; the last few are remembered, since one turn
        searches, scores and weighs the same groups several times."""
        return self._queries.get(tuple(groups), self._prepare)

    def _prepare(self, groups: tuple[TermGroup, ...]) -> _Query:
        info = tuple(self.information(g) for g in groups)
        ids = self._ids
        parts = []
        for group in groups:
            weights = {t: self.idf(t) * self.analyzer.specificity(t) for t in group.parts}
            parts.append(tuple((ids.get(t, -1), w) for t, w in weights.items()))
        whole = tuple(
            frozenset(ids[t] for t in (g.primary, *g.alternatives) if t in ids) for g in groups
        )
        weights = self.query_weights(groups)
        known = tuple(
            self._known(g.primary) or any(self._known(t) for t in g.alternatives) for g in groups
        )
        return _Query(
            groups=groups,
            info=info,
            total=sum(info),
            known=known,
            whole=whole,
            parts=tuple(parts),
            part_totals=tuple(sum(w for _, w in p) for p in parts),
            ids=frozenset().union(*whole, (t for p in parts for t, _ in p if t >= 0)),
            weights=weights,
            asked=tuple(self._ids[t] for t in weights if t in self._ids),
            best=(K1 + 1) * sum(w * self.idf(t) for t, w in weights.items() if self._known(t)),
            past=asks_about_the_past(groups),
            own=self._word_signals(groups, info, known),
        )

    def _word_signals(
        self, groups: Sequence[TermGroup], info: Sequence[float], known: Sequence[bool]
    ) -> tuple[float, float, float, float]:
        """The question's own part of `signals`, the same for every passage: the information of
        the everyday and of the rare or non-Dutch words the corpus lacks, that of the words it
        knows, and the `words` signal."""
        # A word known only through its parts ("energiefactuur": "energie", "factuur") is a
        # word the corpus does not know: the parts may well mean something else there.
        unknown_common = unknown_rare = 0.0
        for group, weight, is_known in zip(groups, info, known, strict=True):
            if not is_known:
                if self.specificity(group) < EVERYDAY_SPECIFICITY:
                    unknown_common += weight
                else:
                    unknown_rare += weight
        known_total = sum(w for w, k in zip(info, known, strict=True) if k)
        return unknown_common, unknown_rare, known_total, math.log1p(sum(g.weight for g in groups))

    def signals(self, groups: Sequence[TermGroup], hits: Sequence[Hit], rank: int = 0) -> Signals:
        """The evidence that hit number `rank` (0: the first) answers the question."""
        if len(hits) <= rank or not groups:
            return NO_SIGNALS
        hit = hits[rank]
        doc = self._positions[hit.passage.id]
        query = self._query(groups)
        info, total = query.info, query.total or 1.0
        unknown_common, unknown_rare, known_total, words = query.own
        a = self.arrays
        terms = self._term_set(a.doc_terms, doc)
        about = self._term_set(a.about, doc)
        best = query.best
        kin = self._kin.get(hit.passage.id, frozenset())
        rival = max(
            (h.score for i, h in enumerate(hits) if i != rank and h.passage.id not in kin),
            default=0.0,
        )
        credits = [query.credit(k, terms) for k in range(len(info))]
        uncovered = max((w * (1 - c) for w, c in zip(info, credits, strict=True)), default=0.0)
        # Of the words the corpus knows only: a word known through its parts alone
        # ("bankkaart") is none of them, though its parts may be covered.
        known_covered = sum(w * c for w, c, k in zip(info, credits, query.known, strict=True) if k)
        sentence = self._best_part(query, self._parts(a.sentences, a.sentence_owners, doc))
        question = self._best_part(query, self._parts(a.questions, a.question_owners, doc))
        return Signals(
            coverage=hit.coverage,
            about=query.credited(about) / total,
            known_coverage=known_covered / known_total if known_total else 0.0,
            unknown_common=unknown_common / total,
            unknown_rare=unknown_rare / total,
            score=min(2.0, hit.score / best) if best else 0.0,
            margin=max(-1.0, 1.0 - rival / hit.score) if hit.score > 0 else 0.0,
            title=self._titles.coverage_of(query.asked, doc),
            words=words,
            historical=float(hit.passage.is_historical and not query.past),
            sentence=sentence / total,
            uncovered_max=uncovered / total,
            question=question / total,
        )

    @staticmethod
    def _best_part(query: _Query, parts: Sequence[frozenset[int]]) -> float:
        """The most question information one part (a sentence, an example question) holds."""
        return max((query.credited(terms) for terms in parts), default=0.0)

    def query_weights(self, groups: Sequence[TermGroup]) -> dict[str, float]:
        """How much each query term counts: the user's own word fully, stand-ins less.

        A synonym or correction stands in fully for a word the corpus doesn't know, and at
        `ALTERNATIVE_WEIGHT` beside a known one; compound parts count `PART_WEIGHT` each, so a
        word's expansions never outweigh the word itself.
        """
        weights: dict[str, float] = {}
        for group in groups:
            known = self._known(group.primary)
            alternative = ALTERNATIVE_WEIGHT if known else 1.0
            for term, weight in (
                (group.primary, 1.0),
                *((t, alternative) for t in group.alternatives),
                *((t, PART_WEIGHT) for t in group.parts),
            ):
                scaled = weight * group.weight * self.specificity(group)
                weights[term] = max(weights.get(term, 0.0), scaled)
        return weights

    def coverage(self, groups: Sequence[TermGroup], doc: int) -> float:
        """Share of the question's information (IDF-weighted words) that passage `doc` contains.

        Each word of the question weighs the IDF of its own stem, or of its best stand-in when
        only that is indexed (a synonym, a corrected typo, a compound part); a word the corpus
        doesn't know weighs the most, so questions about other subjects score low. Every weight
        is scaled by the word's specificity in general Dutch: everyday words count for less.
        A word found only through its compound parts counts for the share of its parts found.
        """
        return self._coverage(self._query(groups), doc)

    def _coverage(self, query: _Query, doc: int) -> float:
        total = query.total
        return self._covered(query, doc) / total if total else 0.0

    def covered_information(self, groups: Sequence[TermGroup], doc: int) -> float:
        """The summed information of the question's words that passage `doc` contains."""
        return self._covered(self._query(groups), doc)

    def _covered(self, query: _Query, doc: int) -> float:
        return query.credited(self._term_set(self.arrays.doc_terms, doc))

    def informations(self, groups: Sequence[TermGroup]) -> tuple[float, ...]:
        """`information` of each of a question's words (worked out once per question)."""
        return self._query(groups).info

    def information(self, group: TermGroup) -> float:
        """How much a word of a question says: its IDF, scaled by its specificity.

        A context word (weight below 1) ranks lower but counts fully here: the confidence of an
        answer in context is how much of the question *with* its context the passage covers.
        """
        return self._group_weight(group) * self.specificity(group)

    def specificity(self, group: TermGroup) -> float:
        """How much a question's word says (see `Analyzer.specificity`); an English word that
        the glossary could not translate carries its own, from English frequencies."""
        if group.specificity is not None:
            return group.specificity
        return self.analyzer.specificity(group.word)

    def _group_weight(self, group: TermGroup) -> float:
        if self._known(group.primary):
            return self.idf(group.primary)
        known = [self.idf(t) for t in (*group.alternatives, *group.parts) if self._known(t)]
        return max(known) if known else self._unknown_idf


@dataclass(frozen=True)
class _AnalysedPassage:
    """The index terms of each field of one passage."""

    title: list[str]
    keywords: list[str]
    questions: list[list[str]]
    sentences: list[list[str]]
    variants: list[list[str]]  # about the passage, but not in its BM25 text (`indexing.VARIANT`)

    @classmethod
    def of(
        cls, passage: Passage, analyzer: Analyzer, text_terms: frozenset[str] = frozenset()
    ) -> _AnalysedPassage:
        """The terms of each field; a variant's only those another field of the corpus holds
        (`text_terms`, see `indexing.VARIANT`)."""
        analyse = analyzer.document_terms
        return cls(
            analyse(passage.title),
            [t for keyword in passage.keywords for t in analyse(keyword)],
            [analyse(q) for q in passage.questions],
            [analyse(s) for s in sentences(passage.text)],
            [[t for t in analyse(v) if t in text_terms] for v in passage.variants],
        )

    @property
    def wordings(self) -> list[list[str]]:
        """The terms of each example question, then of each variant."""
        return self.questions + self.variants

    @property
    def document(self) -> list[str]:
        """What BM25 indexes: the title twice, the keywords, the questions and the text."""
        terms = self.title * TITLE_WEIGHT + self.keywords
        for part in (*self.questions, *self.sentences):
            terms.extend(part)
        return terms

    def core(self, passage: Passage, analyzer: Analyzer) -> list[str]:
        """The terms of the title's core (see `indexing.PARENTHETICAL`)."""
        if not PARENTHETICAL.search(passage.title):
            return self.title
        return analyzer.document_terms(PARENTHETICAL.sub(" ", passage.title))


def passage_fields(
    passage: Passage, analyzer: Analyzer, text_terms: frozenset[str] = frozenset()
) -> _AnalysedPassage:
    """The index terms of each field of a passage, each field analysed on its own (the plain
    way, for `reference`; the index gets the same terms from `indexing`). `text_terms`: the
    terms of the corpus's fields other than variants (see `_AnalysedPassage.of`)."""
    return _AnalysedPassage.of(passage, analyzer, text_terms)


_RECENT_ROWS = 4096  # term sets of rows a `PassageIndex` remembers
_RECENT_PASSAGES = 1024  # passages whose sentences' and questions' term sets it remembers
_QUERIES_KEPT = 64  # analysed questions a `PassageIndex` remembers (see `_query`)
_WEIGHINGS_KEPT = 4  # the scores of the last few questions (each up to 16 bytes a passage)


def _part_sets(parts: Rows, owners: np.ndarray, doc: int) -> tuple[frozenset[int], ...]:
    """The rows of passage `doc` in `parts` (owned by `owners`) as sets of term ids."""
    bounds = parts.ptr[owners[doc] : owners[doc + 1] + 1].tolist()
    ids = parts.ids[bounds[0] : bounds[-1]].tolist()
    base = bounds[0]
    return tuple(frozenset(ids[start - base : end - base]) for start, end in pairwise(bounds))


class OutsideSubjects:
    """Subjects outside the domain, each with the words its questions use
    (`corpus.OUTSIDE_FILE`): the evidence for the answerability model's `outside` signal.

    The user's own word matches as written (folded, a plural ending aside), not by stem: the
    stemmer makes "verhuurder" and "verhuren", "woning" and "woon" one term, and renting out
    one's work or where one lives is in the domain. A stand-in for the word (a corrected
    typo, a synonym, an English word's translation) matches by stem: it is a listed word
    itself, or a corpus word.
    """

    def __init__(
        self,
        subjects: Mapping[str, Sequence[str]],
        analyzer: Analyzer,
        corpus_terms: Container[str] = frozenset(),
        corpus_words: Container[str] = frozenset(),
    ) -> None:
        """`corpus_terms`: the index's terms; `corpus_words`: the corpus's (folded) words. A
        listed word the corpus lacks whose stem is a corpus term stands for no stand-in by
        stem: "gerecht" (a dish) stems to "recht", which the stand-in for "rights" also is."""
        words: dict[str, set[int]] = {}
        stems: dict[str, set[int]] = {}
        for k, listed in enumerate(subjects.values()):
            for word in listed:
                tokens = surface_tokens(word)
                if tokens:  # a hyphenated word counts whole ("tax-on-web"), not its parts
                    words.setdefault(_without_plural(tokens[-1]), set()).add(k)
                    stem = analyzer.stem(tokens[-1])
                    if stem not in corpus_terms or tokens[-1] in corpus_words:
                        stems.setdefault(stem, set()).add(k)
        self._words = {word: tuple(sorted(ks)) for word, ks in words.items()}
        self._stems = {stem: tuple(sorted(ks)) for stem, ks in stems.items()}
        self._names = tuple(subjects)

    def share(
        self,
        groups: Sequence[TermGroup],
        informations: Sequence[float],
        *,
        counted: Sequence[bool] | None = None,
    ) -> float:
        """The largest share of a question's information (`informations`, per word of
        `groups`) that the words of one subject hold: the user's word, or a stand-in for it
        (not a compound part). `counted`: per word, whether it may hold a subject (all when
        None); a word that may not still counts in the question's information."""
        return self.strongest(groups, informations, counted=counted)[1]

    def strongest(
        self,
        groups: Sequence[TermGroup],
        informations: Sequence[float],
        *,
        counted: Sequence[bool] | None = None,
    ) -> tuple[str | None, float]:
        """The subject that holds the largest share of a question's information, and that
        share (see `share`); (None, 0.0) when no subject holds a word of it. Of subjects
        holding as much, the first listed."""
        total = sum(informations)
        if not total:
            return None, 0.0
        held: dict[int, float] = {}
        for k, (group, information) in enumerate(zip(groups, informations, strict=True)):
            if counted is not None and not counted[k]:
                continue
            for subject in self._subjects(group):
                held[subject] = held.get(subject, 0.0) + information
        if not held:
            return None, 0.0
        best = min(held, key=lambda subject: (-held[subject], subject))
        return self._names[best], held[best] / total

    def holds(self, group: TermGroup) -> bool:
        """Whether a subject outside the domain holds a question's word."""
        return bool(self._subjects(group))

    def _subjects(self, group: TermGroup) -> set[int]:
        subjects = set(self._words.get(_without_plural(group.word), ()))
        for term in group.alternatives:
            subjects.update(self._stems.get(term, ()))
        return subjects


def _without_plural(word: str) -> str:
    """A folded word without a Dutch or English plural ending ("paspoorten", "passports")."""
    if len(word) > 5 and word.endswith("en"):
        return word[:-2]
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


class _TitleTerms:
    """Which passages' titles (and title cores) hold each term, for a fast title coverage."""

    def __init__(self, titles: Rows, cores: Rows, n_terms: int) -> None:
        self._titles, self._cores = titles, cores
        self._full = titles.transpose(n_terms)
        self._core = cores.transpose(n_terms)
        self._full_counts = self._full.lengths().tolist()  # how many titles hold each term
        self._full_sizes = np.maximum(1, titles.lengths()).astype(float)
        self._core_sizes = np.maximum(1, cores.lengths()).astype(float)

    def coverage(self, asked: Sequence[int], docs: np.ndarray) -> np.ndarray:
        """For passages `docs` (ascending positions), the share of the terms of their title,
        or of their title's core, that are among the `asked` term ids (distinct)."""
        if not asked or not len(docs):
            return np.zeros(len(docs))
        # Read from whichever side is shorter: the titles of the passages (a few terms
        # each), or the passages whose titles hold an asked term (thousands, for a word
        # common in titles).
        counts = self._full_counts
        held = sum(counts[i] for i in asked)
        if held < _TITLE_TERMS * len(docs):
            full = self._holding(self._full, asked, docs)
            core = self._holding(self._core, asked, docs)
        else:
            wanted = np.zeros(len(self._full), dtype=bool)
            wanted[list(asked)] = True
            full = self._held(self._titles, wanted, docs)
            core = self._held(self._cores, wanted, docs)
        return np.maximum(full / self._full_sizes[docs], core / self._core_sizes[docs])

    def coverage_of(self, asked: Sequence[int], doc: int) -> float:
        """`coverage` of one passage (the same division, without arrays)."""
        wanted = set(asked)
        full = self._titles.row(doc).tolist()
        core = self._cores.row(doc).tolist()
        return max(
            float(sum(t in wanted for t in full)) / float(max(1, len(full))),
            float(sum(t in wanted for t in core)) / float(max(1, len(core))),
        )

    @staticmethod
    def _holding(incidence: Rows, asked: Sequence[int], docs: np.ndarray) -> np.ndarray:
        """Per passage of `docs`, how many asked terms its row holds, from the passages
        holding each term (`incidence`)."""
        holders = np.concatenate([incidence.row(i) for i in asked])
        at = np.searchsorted(docs, holders)
        found = at[(at < len(docs)) & (docs[np.minimum(at, len(docs) - 1)] == holders)]
        return np.bincount(found, minlength=len(docs)).astype(float)

    @staticmethod
    def _held(rows: Rows, wanted: np.ndarray, docs: np.ndarray) -> np.ndarray:
        """The same count from the passages' own rows (distinct terms each) and a flag per
        term id."""
        lengths, ids = rows.gather(docs)
        owner = np.repeat(np.arange(len(docs)), lengths)
        return np.bincount(owner[wanted[ids]], minlength=len(docs)).astype(float)


# A title holds a few terms: reading the passages' titles costs about this many entries each.
_TITLE_TERMS = 8


def asks_about_the_past(groups: Sequence[TermGroup]) -> bool:
    """Whether a question names a past year (1990-2019) or a word such as ``vroeger``."""
    for group in groups:
        if group.word in PAST_CUES:
            return True
        if (
            group.word.isdigit()
            and FIRST_HISTORICAL_YEAR <= int(group.word) <= LAST_HISTORICAL_YEAR
        ):
            return True
    return False


# Words of a question that may ask how things were: past forms of the verbs a question about
# a former measure asks with ("hoe werkte dat?", "bestond er ...?", "were there ...?",
# "did they ...?"), what asks what changed ("wat is er veranderd aan ...?", "what changed"),
# "back" ("back then", "back in 2012") and "toen".
PAST_FORMS = frozenset(
    """
    was waren werd werden had hadden bestond bestonden kon konden gaf gaven kreeg kregen
    moest moesten werkte werkten toen veranderd veranderde veranderden gewijzigd
    did were used back changed
    """.split()
)
# A year up to this one may be asked about as the past ("before the 2021 decree").
LAST_YEAR_OF_THEN = 2021
# After a number, the words that make it an amount, not a year ("met 2000 euro").
_AMOUNT_UNITS = frozenset("euro eur".split())


def may_ask_about_then(tokens: Sequence[str]) -> bool:
    """Whether a question's words may ask how things were (`PAST_FORMS`, a year from
    `FIRST_HISTORICAL_YEAR` up to `LAST_YEAR_OF_THEN`, not an amount): wider than
    `asks_about_the_past`, for what only orders the passages shown beside the first."""
    return any(
        t in PAST_FORMS
        or (
            t.isdigit()
            and FIRST_HISTORICAL_YEAR <= int(t) <= LAST_YEAR_OF_THEN
            and (k + 1 == len(tokens) or tokens[k + 1] not in _AMOUNT_UNITS)
        )
        for k, t in enumerate(tokens)
    )


def corpus_word_counts(passages: Sequence[Passage]) -> Counter[str]:
    """How often each (folded) word occurs in the corpus: titles, text, questions, keywords."""
    counts: Counter[str] = Counter()
    for p in passages:
        for field in (p.title, p.text, *p.questions, *p.keywords):
            counts.update(surface_tokens(field))
    return counts


def _kinship(passages: Sequence[Passage]) -> dict[str, frozenset[str]]:
    """For each passage linked to another by `related` or `superseded_by` (either way), the
    passages linked to it; a passage without links has no entry."""
    ids = {p.id for p in passages}
    kin: dict[str, set[str]] = {}
    for passage in passages:
        links = set(passage.related) | ({passage.superseded_by} if passage.superseded_by else set())
        for other in links & ids:
            kin.setdefault(passage.id, set()).add(other)
            kin.setdefault(other, set()).add(passage.id)
    return {pid: frozenset(linked) for pid, linked in kin.items()}
