"""BM25 retrieval over analysed passages (rank-bm25 with a Lucene-style IDF)."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
from rank_bm25 import BM25Okapi

from assistant.analysis import Analyzer, TermGroup, surface_tokens
from assistant.models import Passage
from assistant.snippets import sentences

_PARENTHETICAL = re.compile(r"\([^)]*\)")
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


class LuceneBM25(BM25Okapi):
    """BM25Okapi with Lucene's IDF, ``ln(1 + (N - n + 0.5) / (n + 0.5))``.

    rank-bm25 floors negative IDF at epsilon times the mean IDF, so a term in half the passages
    scores nothing and, in a tiny corpus, the mean itself can be negative. Lucene's IDF is always
    positive and ranks as well or better.
    """

    def _calc_idf(self, nd: dict[str, int]) -> None:
        for word, freq in nd.items():
            self.idf[word] = math.log(1 + (self.corpus_size - freq + 0.5) / (freq + 0.5))


@dataclass(frozen=True)
class Hit:
    """One ranked passage with its BM25 score and how much of the question it covers."""

    passage: Passage
    score: float
    coverage: float


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
# A word the corpus lacks whose specificity is below this is an everyday word ("morgen",
# "verjaardag"); at or above it a rare or non-Dutch word (a product name, a typo, English).
EVERYDAY_SPECIFICITY = 0.6


# A word that at most this many passages are about names a subject (see `names_subject`).
SUBJECT_PASSAGES = 6
SUBJECT_SPECIFICITY = 0.9


class PassageIndex:
    """The searchable form of a corpus."""

    def __init__(self, passages: Sequence[Passage], analyzer: Analyzer) -> None:
        if not passages:
            raise ValueError("cannot index an empty corpus")
        self.passages = tuple(passages)
        self.analyzer = analyzer
        # Every field is analysed once: the prose per sentence, each example question apart.
        fields = [_AnalysedPassage.of(p, analyzer) for p in self.passages]
        documents = [f.document for f in fields]
        self._bm25 = LuceneBM25(documents, k1=K1, b=B)
        self._term_sets = [frozenset(doc) for doc in documents]
        # What a passage is about: its title, keywords and example questions, not its prose.
        self._about_sets = [f.about for f in fields]
        self._about_df = Counter(t for about in self._about_sets for t in about)
        self._positions = {p.id: i for i, p in enumerate(self.passages)}
        # Passages the curator linked (related, or one superseding the other) are kin: a close
        # score between kin is no doubt about the subject, so the margin is taken over the best
        # passage that is not kin.
        self._kin: dict[str, frozenset[str]] = _kinship(self.passages)
        # Each sentence's terms: an answer usually sits in one sentence, while a question the
        # passage does not answer finds its words scattered over several.
        self._sentences = [[frozenset(s) for s in f.sentences] for f in fields]
        # Each example question's terms: a user question that one of them covers is a
        # paraphrase of a question the passage was written to answer.
        self._questions = [[frozenset(q) for q in f.questions] for f in fields]
        # A title's core is the title without its parenthetical: "CultuurKrediet (Hefboom)"
        # is about the CultuurKrediet; "(Hefboom)" only says who runs it.
        self._titles = _TitleTerms(
            [f.title for f in fields],
            [analyzer.document_terms(_PARENTHETICAL.sub(" ", p.title)) for p in passages],
        )
        self._prior = np.array([HISTORICAL_WEIGHT if p.is_historical else 1.0 for p in passages])
        self._past_prior = np.array(
            [1.0 if p.is_historical else HISTORICAL_WEIGHT for p in passages]
        )
        self._unknown_idf = math.log(1 + (len(documents) + 0.5) / 0.5)

    def vocabulary(self) -> frozenset[str]:
        """Every term the index holds."""
        return frozenset().union(*self._term_sets)

    def are_kin(self, first: str, second: str) -> bool:
        """Whether the curator linked two passages (related, or one superseding the other)."""
        return second in self._kin.get(first, frozenset())

    def names_subject(self, groups: Sequence[TermGroup]) -> bool:
        """Whether a question names a subject of its own: a word that few passages are about
        and that is rare in everyday Dutch ("cultuurkrediet", "octrooi"), unlike "aanvragen",
        "bedrag" or "klant"."""
        return any(
            0 < self._about_df[t] <= SUBJECT_PASSAGES
            for g in groups
            if g.weight == 1.0 and self.specificity(g) >= SUBJECT_SPECIFICITY
            for t in (g.primary, *g.alternatives)
        )

    def idf(self, term: str) -> float:
        """IDF of an index term; a term the corpus lacks gets the highest IDF possible."""
        return self._bm25.idf.get(term, self._unknown_idf)

    def search(self, groups: Sequence[TermGroup], limit: int) -> list[Hit]:
        """Rank passages for analysed question terms; best first, only positive scores."""
        scores = self.scores(groups)
        order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:limit]
        return [
            Hit(self.passages[i], float(scores[i]), self.coverage(groups, i))
            for i in order
            if scores[i] > 0
        ]

    def scores(self, groups: Sequence[TermGroup]) -> np.ndarray:
        """The ranking score of every passage for analysed question terms."""
        weights = self.query_weights(groups)
        scores = np.zeros(len(self.passages))
        for term, weight in weights.items():
            if term in self._bm25.idf:
                scores += weight * self._bm25.get_scores([term])
        scores *= self._past_prior if asks_about_the_past(groups) else self._prior
        scores *= 1.0 + TITLE_BOOST * self._title_coverage(weights)
        return scores

    def signals(self, groups: Sequence[TermGroup], hits: Sequence[Hit], rank: int = 0) -> Signals:
        """The evidence that hit number `rank` (0: the first) answers the question."""
        if len(hits) <= rank or not groups:
            return NO_SIGNALS
        hit = hits[rank]
        doc = self._positions[hit.passage.id]
        info = [self.information(g) for g in groups]
        total = sum(info) or 1.0
        # A word known only through its parts ("energiefactuur": "energie", "factuur") is a
        # word the corpus does not know: the parts may well mean something else there.
        known = [
            g.primary in self._bm25.idf or any(t in self._bm25.idf for t in g.alternatives)
            for g in groups
        ]
        unknown_common = unknown_rare = 0.0
        for group, weight, is_known in zip(groups, info, known, strict=True):
            if not is_known:
                if self.specificity(group) < EVERYDAY_SPECIFICITY:
                    unknown_common += weight
                else:
                    unknown_rare += weight
        known_total = sum(w for w, k in zip(info, known, strict=True) if k)
        covered = self.covered_information(groups, doc)
        about = self._about_sets[doc]
        weights = self.query_weights(groups)
        best = (K1 + 1) * sum(w * self.idf(t) for t, w in weights.items() if t in self._bm25.idf)
        kin = self._kin.get(hit.passage.id, frozenset())
        rival = max(
            (h.score for i, h in enumerate(hits) if i != rank and h.passage.id not in kin),
            default=0.0,
        )
        credits = [self._group_credit(g, self._term_sets[doc]) for g in groups]
        uncovered = max((w * (1 - c) for w, c in zip(info, credits, strict=True)), default=0.0)
        sentence = self._best_part(groups, info, self._sentences[doc])
        question = self._best_part(groups, info, self._questions[doc])
        return Signals(
            coverage=hit.coverage,
            about=sum(w * self._group_credit(g, about) for g, w in zip(groups, info, strict=True))
            / total,
            known_coverage=covered / known_total if known_total else 0.0,
            unknown_common=unknown_common / total,
            unknown_rare=unknown_rare / total,
            score=min(2.0, hit.score / best) if best else 0.0,
            margin=max(-1.0, 1.0 - rival / hit.score) if hit.score > 0 else 0.0,
            title=float(self._titles.coverage(weights.keys())[doc]),
            words=math.log1p(sum(g.weight for g in groups)),
            historical=float(hit.passage.is_historical and not asks_about_the_past(groups)),
            sentence=sentence / total,
            uncovered_max=uncovered / total,
            question=question / total,
        )

    def _best_part(
        self, groups: Sequence[TermGroup], info: Sequence[float], parts: Sequence[frozenset[str]]
    ) -> float:
        """The most question information one part (a sentence, an example question) holds."""
        return max(
            (
                sum(w * self._group_credit(g, terms) for g, w in zip(groups, info, strict=True))
                for terms in parts
            ),
            default=0.0,
        )

    def _title_coverage(self, weights: dict[str, float]) -> np.ndarray:
        """Per passage, the share of its title's terms (or of its title's core) asked about."""
        return self._titles.coverage(weights.keys())

    def query_weights(self, groups: Sequence[TermGroup]) -> dict[str, float]:
        """How much each query term counts: the user's own word fully, stand-ins less.

        A synonym or correction stands in fully for a word the corpus doesn't know, and at
        `ALTERNATIVE_WEIGHT` beside a known one; compound parts count `PART_WEIGHT` each, so a
        word's expansions never outweigh the word itself.
        """
        weights: dict[str, float] = {}
        for group in groups:
            known = group.primary in self._bm25.idf
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
        total = sum(self.information(group) for group in groups)
        return self.covered_information(groups, doc) / total if total else 0.0

    def covered_information(self, groups: Sequence[TermGroup], doc: int) -> float:
        """The summed information of the question's words that passage `doc` contains."""
        terms = self._term_sets[doc]
        return sum(self.information(g) * self._group_credit(g, terms) for g in groups)

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

    def _group_credit(self, group: TermGroup, terms: frozenset[str]) -> float:
        if group.primary in terms or any(t in terms for t in group.alternatives):
            return 1.0
        if not group.parts:
            return 0.0
        part_weights = {t: self.idf(t) * self.analyzer.specificity(t) for t in group.parts}
        found = sum(w for t, w in part_weights.items() if t in terms)
        return found / sum(part_weights.values())

    def _group_weight(self, group: TermGroup) -> float:
        if group.primary in self._bm25.idf:
            return self._bm25.idf[group.primary]
        known = [
            self._bm25.idf[t] for t in (*group.alternatives, *group.parts) if t in self._bm25.idf
        ]
        return max(known) if known else self._unknown_idf


@dataclass(frozen=True)
class _AnalysedPassage:
    """The index terms of each field of one passage."""

    title: list[str]
    keywords: list[str]
    questions: list[list[str]]
    sentences: list[list[str]]

    @classmethod
    def of(cls, passage: Passage, analyzer: Analyzer) -> _AnalysedPassage:
        analyse = analyzer.document_terms
        return cls(
            analyse(passage.title),
            [t for keyword in passage.keywords for t in analyse(keyword)],
            [analyse(q) for q in passage.questions],
            [analyse(s) for s in sentences(passage.text)],
        )

    @property
    def document(self) -> list[str]:
        """What BM25 indexes: the title twice, the keywords, the questions and the text."""
        terms = self.title * TITLE_WEIGHT + self.keywords
        for part in (*self.questions, *self.sentences):
            terms.extend(part)
        return terms

    @property
    def about(self) -> frozenset[str]:
        return frozenset((*self.title, *self.keywords, *(t for q in self.questions for t in q)))


class _TitleTerms:
    """Which passages' titles (and title cores) hold each term, for a fast title coverage."""

    def __init__(self, titles: Sequence[list[str]], cores: Sequence[list[str]]) -> None:
        self._full = self._incidence(titles)
        self._core = self._incidence(cores)
        self._full_sizes = np.array([max(1, len(set(t))) for t in titles], dtype=float)
        self._core_sizes = np.array([max(1, len(set(c))) for c in cores], dtype=float)
        self._n = len(titles)

    @staticmethod
    def _incidence(titles: Sequence[list[str]]) -> dict[str, np.ndarray]:
        incidence: dict[str, np.ndarray] = {}
        for position, title in enumerate(titles):
            for term in set(title):
                incidence.setdefault(term, np.zeros(len(titles)))[position] = 1.0
        return incidence

    def coverage(self, asked: Collection[str]) -> np.ndarray:
        full, core = np.zeros(self._n), np.zeros(self._n)
        for term in asked:
            if term in self._full:
                full += self._full[term]
            if term in self._core:
                core += self._core[term]
        return np.maximum(full / self._full_sizes, core / self._core_sizes)


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


def corpus_word_counts(passages: Sequence[Passage]) -> Counter[str]:
    """How often each (folded) word occurs in the corpus: titles, text, questions, keywords."""
    counts: Counter[str] = Counter()
    for p in passages:
        for field in (p.title, p.text, *p.questions, *p.keywords):
            counts.update(surface_tokens(field))
    return counts


def _kinship(passages: Sequence[Passage]) -> dict[str, frozenset[str]]:
    """For each passage, the passages linked to it by `related` or `superseded_by`, both ways."""
    kin: dict[str, set[str]] = {p.id: set() for p in passages}
    for passage in passages:
        links = set(passage.related) | ({passage.superseded_by} if passage.superseded_by else set())
        for other in links & kin.keys():
            kin[passage.id].add(other)
            kin[other].add(passage.id)
    return {pid: frozenset(ids) for pid, ids in kin.items()}
