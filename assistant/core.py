"""The assistant: from a Dutch question to an `Answer` (retrieval, then composition)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from assistant import messages
from assistant.analysis import Analyzer, TermGroup, fold, surface_tokens
from assistant.corpus import Corpus, bundled_corpus_dir, load_corpus
from assistant.errors import QuestionError
from assistant.lexicon import common_words, with_corpus_words
from assistant.models import Answer, AnswerPassage, Passage, PassageRef
from assistant.retrieval import Hit, PassageIndex, corpus_word_counts
from assistant.snippets import asks_for_amount, best_snippet

MAX_QUESTION_CHARS = 1000
MAX_TOP_K = 10
# Calibrated on tests/eval/vragen.yaml (`wegwijzer eval --calibrate`): the coverage below which
# the best passage is not trusted to answer the question.
DEFAULT_THRESHOLD = 0.47
# Margin above the threshold within which an answer is shown with a caution.
UNSURE_MARGIN = 0.15
# Passages after the first are shown only when they score at least this share of the first.
RELATIVE_CUTOFF = 0.4
CANDIDATES = 10
# Weight of the words of a conversation's earlier question beside a follow-up's own words.
CONTEXT_WEIGHT = 0.5

_SPACE = re.compile(r"\s+")


class Assistant:
    """Answers questions from one corpus. Build it once; `ask` is then fast and stateless.

    Args:
        corpus: a loaded, validated corpus.
        threshold: minimum coverage (0..1) of the question by the best passage to answer.
    """

    def __init__(self, corpus: Corpus, *, threshold: float = DEFAULT_THRESHOLD) -> None:
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be within 0..1; got {threshold}")
        self.corpus = corpus
        self.threshold = threshold
        counts = corpus_word_counts(corpus.passages)
        for word, targets in corpus.synonyms.items():
            counts.update(surface_tokens(" ".join((word, *targets))))
        analyzer = Analyzer(with_corpus_words(counts), common_words(), corpus.synonyms)
        self.index = PassageIndex(corpus.passages, analyzer, counts)
        self._by_id = corpus.by_id()
        self._positions = {p.id: i for i, p in enumerate(corpus.passages)}

    @classmethod
    def from_directory(cls, path: Path | str, *, threshold: float = DEFAULT_THRESHOLD) -> Assistant:
        """Load and validate the corpus in `path` and index it.

        Raises:
            CorpusError: listing every problem in the corpus.
        """
        return cls(load_corpus(path), threshold=threshold)

    @classmethod
    def bundled(cls) -> Assistant:
        """An assistant over the corpus that ships with Wegwijzer."""
        return cls.from_directory(bundled_corpus_dir())

    @property
    def passages(self) -> tuple[Passage, ...]:
        return self.corpus.passages

    def passage(self, passage_id: str) -> Passage | None:
        """The passage with this id, or None."""
        return self._by_id.get(passage_id)

    def position(self, passage_id: str) -> int | None:
        """The index position of a passage (for `PassageIndex.coverage`), or None."""
        return self._positions.get(passage_id)

    @property
    def latest_check(self) -> str:
        """The most recent `checked` date in the corpus (ISO text)."""
        return max(p.checked for p in self.passages)

    def view(self, passage_id: str) -> AnswerPassage | None:
        """One passage in full, as an `AnswerPassage` whose snippet is the whole text.

        For "tell me more" buttons; None when the id is unknown.
        """
        passage = self._by_id.get(passage_id)
        if passage is None:
            return None
        full = self._answer_passage(Hit(passage, 0.0, 1.0), set(), wants_amount=False)
        return dataclasses.replace(full, snippet=passage.text)

    def complete(self, text: str, limit: int = 25) -> list[str]:
        """Suggestions for a half-typed question: passage titles and example questions.

        Those containing what was typed come first, then those of the passages that match it
        best; with nothing typed, the example questions of the first passages.
        """
        typed = fold(text.strip().lower())
        ordered = sorted(self.passages, key=lambda p: p.is_historical)  # today's first
        candidates = [c for p in ordered for c in (p.title, *p.questions)]
        found = [c for c in candidates if typed and typed in fold(c.lower())]
        if len(found) < limit and typed:
            for hit in self.search(text, CANDIDATES):
                found.extend((hit.passage.title, *hit.passage.questions))
        if not typed:
            found = [p.questions[0] for p in self.passages if not p.is_historical]
        return list(dict.fromkeys(found))[:limit]

    def analyse(self, question: str) -> list[TermGroup]:
        return self.index.analyzer.query_groups(question)

    def search(self, question: str, limit: int = CANDIDATES) -> list[Hit]:
        """Ranked candidate passages for a question, best first (no threshold applied)."""
        return self.index.search(self.analyse(clean_question(question)), limit)

    def ask(self, question: str, *, top_k: int = 3, context: str | None = None) -> Answer:
        """Answer a Dutch question from the corpus.

        Args:
            question: the user's question, as typed.
            top_k: how many passages to return at most (1..10).
            context: an earlier question of the same conversation; its words count at
                `CONTEXT_WEIGHT` (see `Conversation`).

        Raises:
            QuestionError: the question is empty or longer than `MAX_QUESTION_CHARS`.
            ValueError: `top_k` is out of range.
        """
        if not 1 <= top_k <= MAX_TOP_K:
            raise ValueError(f"top_k must be between 1 and {MAX_TOP_K}; got {top_k}")
        text = clean_question(question)
        groups = self.analyse(text)
        if context:
            groups += [dataclasses.replace(g, weight=CONTEXT_WEIGHT) for g in self.analyse(context)]
        hits = self.index.search(groups, max(top_k, CANDIDATES))
        confidence = hits[0].coverage if hits else 0.0
        if confidence < self.threshold:
            return self._not_answered(text, confidence, hits)
        chosen = [h for h in hits[:top_k] if h.score >= RELATIVE_CUTOFF * hits[0].score]
        terms = {t for g in groups for t in g.terms}
        wants_amount = asks_for_amount(surface_tokens(text))
        passages = tuple(self._answer_passage(hit, terms, wants_amount) for hit in chosen)
        message = (
            messages.ANSWERED_UNSURE
            if confidence < self.threshold + UNSURE_MARGIN
            else messages.ANSWERED
        )
        return Answer(
            question=text,
            answered=True,
            confidence=confidence,
            message=message,
            passages=passages,
            suggestions=self._related_questions(chosen[0].passage, text),
            notices=tuple(
                messages.HISTORICAL_NOTICE.format(title=p.title, successor=p.superseded_by.title)
                for p in passages
                if p.superseded_by
            ),
        )

    def _answer_passage(self, hit: Hit, terms: set[str], wants_amount: bool) -> AnswerPassage:
        p = hit.passage
        analyzer = self.index.analyzer
        successor = self._by_id.get(p.superseded_by) if p.superseded_by else None
        return AnswerPassage(
            id=p.id,
            kind=p.kind,
            title=p.title,
            snippet=best_snippet(
                p.text, terms, analyzer.document_terms, self.index.idf, wants_amount=wants_amount
            ),
            score=hit.score,
            status=p.status,
            source=p.source,
            checked=p.checked,
            links=p.links,
            superseded_by=PassageRef(successor.id, successor.title) if successor else None,
            related=tuple(PassageRef(r.id, r.title) for r in (self._by_id[i] for i in p.related)),
        )

    def _not_answered(self, text: str, confidence: float, hits: Sequence[Hit]) -> Answer:
        suggestions = [h.passage.questions[0] for h in hits[:3]] or messages.DEFAULT_SUGGESTIONS
        return Answer(
            question=text,
            answered=False,
            confidence=confidence,
            message=messages.NOT_ANSWERED,
            suggestions=tuple(suggestions[:3]),
            fallback=messages.CULTUURLOKET,
        )

    def _related_questions(self, passage: Passage, asked: str) -> tuple[str, ...]:
        related = (self._by_id[i] for i in passage.related)
        questions = [p.questions[0] for p in related if p.questions[0] != asked]
        return tuple(questions[:3])


def clean_question(question: str) -> str:
    """Collapse white space and check the length.

    Raises:
        QuestionError: the question is empty or too long.
    """
    if not isinstance(question, str):
        raise TypeError(f"question must be a str; got {type(question).__name__}")
    text = _SPACE.sub(" ", question).strip()
    if not text:
        raise QuestionError("empty", 0, MAX_QUESTION_CHARS)
    if len(text) > MAX_QUESTION_CHARS:
        raise QuestionError("too_long", len(text), MAX_QUESTION_CHARS)
    return text


@cache
def default_assistant() -> Assistant:
    """The assistant over the bundled corpus, built on first use and then reused."""
    return Assistant.bundled()


def ask(question: str, *, top_k: int = 3) -> Answer:
    """Answer a Dutch question from the bundled corpus (see `Assistant.ask`)."""
    return default_assistant().ask(question, top_k=top_k)
