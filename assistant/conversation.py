"""Follow-up questions: the recent context of one chat, and the decision to use it.

A `Conversation` keeps only the last turn's topic (the question that set it and the passages
answered), forgets it after a time-out, and never grows. A question is read in the light of
the topic only when it may be a follow-up:

- it refers back ("wie beheert dat?", "kan ik daarvoor ook ...", "en voor een serie?"), or
- it names no subject of its own and every word of it is one the corpus knows ("tot welk
  bedrag?", "hoeveel procent krijg ik terug?").

A question that names its own subject ("wat is het cultuurkrediet?") is never bent towards
the earlier topic, and neither is a question about something the corpus does not know ("wat
voor weer wordt het morgen?"), nor one of three words or more, none pointing back, that is
answered on its own while the topic's passage holds none of its words. When a possible
follow-up also has an answer of its own, the two answers are compared by how much of what was
said their best passage explains (`Assistant.explained`): "en de cofinanciering?" after the
startlening is about the cofinanciering (see `Assistant.may_follow_up`).
"""

from __future__ import annotations

import dataclasses
import time
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass

from assistant import messages
from assistant.analysis import surface_tokens
from assistant.core import (
    CLAUSE,
    AnalysedQuestion,
    Assistant,
    Retrieval,
    about_help,
    candidates_for,
)
from assistant.decision import Decision
from assistant.intent import (
    adds_a_case,
    asks_for_a_desk,
    asks_for_more,
    changes_subject,
    gives_a_sum,
    has_anaphor,
    names_only_a_sum,
    pointed_words,
    points_at_the_topic,
    refers_back,
)
from assistant.models import Answer

DEFAULT_TIMEOUT = 600.0  # seconds of silence after which the context is forgotten
# A question that names its own subject is not bent to the topic when the passage it lands on
# in context explains less than this share of what its own first passage explains of its words
# (`Assistant.own_explained`, `Conversation._names_subject_elsewhere`).
OWN_WORDS_SHARE = 0.5
# A question of this many content words, none pointing back, is one of its own when it is
# answered alone and the topic's passage holds none of its words (`Conversation._is_follow_up`).
OWN_QUESTION_WORDS = 3
# How many passages "wie kan mij helpen?" read with a topic looks among for the topic's desk
# (`Conversation._who_helps`): among the usual few, VLAIO was not there after the
# kmo-portefeuille.
DESK_CANDIDATES = 30
# How many passages a question that names no subject is ranked among in context, so that
# the topic's passage is among them even when the question's own words match others better.
TOPIC_CANDIDATES = 30
# The request for help whose own answer is the desk for the whole sector (the Cultuurloket):
# what a question asking only who helps gets after a topic whose family has no desk.
SECTOR_HELP_REQUEST = "wie kan mij helpen?"


@dataclass(frozen=True)
class Topic:
    """What a chat is talking about: the question that set it and the passages answered."""

    asked: AnalysedQuestion
    passage_ids: tuple[str, ...]
    at: float
    # False when the passages are those a refused question came closest to (`_unconfirmed`):
    # what its follow-ups are read with, but not a subject the user was shown.
    confirmed: bool = True

    @property
    def question(self) -> str:
        return self.asked.text


@dataclass(frozen=True)
class _Reading:
    """One way of reading a turn (alone, or in the topic's context): what was found and what
    was decided about it, before any answer is composed."""

    found: Retrieval
    decision: Decision

    @property
    def outcome(self) -> str:
        return self.decision.outcome

    @property
    def answered(self) -> bool:
        return self.decision.outcome == "answered"

    @property
    def first(self) -> str:
        """The id of the passage an answer would lead with (answered or partial)."""
        return self.found.hits[0].passage.id


class Conversation:
    """One chat's context; `ask` answers a question in it.

    Args:
        assistant: the core.
        timeout: seconds after which an unused context is forgotten.
        clock: monotonic clock (injected in tests).
    """

    def __init__(
        self,
        assistant: Assistant,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if timeout <= 0:
            raise ValueError(f"timeout must be positive; got {timeout}")
        self.assistant = assistant
        self.timeout = timeout
        self._clock = clock
        self.topic: Topic | None = None

    def ask(self, question: str, *, top_k: int = 3) -> Answer:
        """Answer `question`, as a follow-up of the current topic when the evidence says so.

        Raises:
            QuestionError: the question is empty or too long.
        """
        assistant = self.assistant
        asked = assistant.read(question)  # analysed once for the whole turn
        limit = candidates_for(top_k)
        now = self._clock()
        topic = self.topic if self.topic and now - self.topic.at <= self.timeout else None
        help_asked = asked
        # "who can help me?", "waar kan ik daarvoor terecht?" after a visa may ask who helps
        # with that, not with Wegwijzer.
        desk_asked = (
            topic is not None
            and topic.confirmed
            and asked.smalltalk in (None, "help")
            and asks_for_a_desk(asked.tokens, [g.word for g in asked.groups])
        )
        if asked.smalltalk == "help" and (
            desk_asked
            # "waarvoor dient dit?" after the kunstwerkattest asks what that is for.
            or (topic is not None and topic.confirmed and points_at_the_topic(asked.tokens))
        ):
            asked = dataclasses.replace(asked, smalltalk=None)
        found = assistant.retrieve(asked, limit=limit)
        alone = _Reading(found, assistant.decide(found))
        # A place alone after a measure or organisation of no place asks where the topic's
        # thing is, not for that place's own measures: "is there one near Antwerp?" after the
        # SBK had got Antwerp's art projects (0.84), "is er ook een in Leuven?" after Kunst in
        # Huis Leuven's grants (0.88). After a town's own grants, "en in Gent?" still asks for
        # Ghent's.
        place_only = (
            topic is not None
            and topic.confirmed
            and bool(topic.passage_ids)
            and assistant.names_only_a_place(asked)
            and not assistant.tied_to_a_place(topic.passage_ids[0])
        )
        # A sum alone asks whether it fits the topic: "10k?" after the kmo-portefeuille was
        # refused, as a word the corpus does not know. When the topic's passage gives sums,
        # they tell: "50.000 euro?" after the Startlening (at most EUR 100.000) had got the
        # winwinlening, whose text gives its former EUR 50.000 limit (0.76).
        sum_only = topic is not None and self._gives_only_a_sum(asked, topic)
        held = (
            topic is not None
            and sum_only
            and self._gives_sums(topic.passage_ids[0], topic.passage_ids[:1])
        )
        if place_only or sum_only:
            alone = _Reading(found, Decision("not_answered", 0.0))
        chosen, followed_up = alone, False
        may_follow_up = topic is not None and (
            sum_only
            or (
                assistant.may_follow_up(
                    found, topic.passage_ids, new_subject=changes_subject(asked.text, asked.tokens)
                )
                # "meer info" after a refusal: the passage that came closest was never shown.
                and (topic.confirmed or not asks_for_more(asked.tokens))
            )
        )
        # Whether, read alone, it names a subject of its own, worked out once for the turn;
        # "hoeveel is dat forfait?" names the flat rate named before, not a subject of its own.
        names_own = (
            may_follow_up
            and not sum_only
            and assistant.names_own_subject(
                alone.found, self._pointed(asked, topic) if topic else frozenset()
            )
        )
        if topic is not None and may_follow_up:
            # Read alone, it names no subject: the topic's is the one it asks about, which
            # its own words may rank low ("wie beheert dat?" after Kunst Aan Zet).
            subjectless = assistant.without_subject(alone.found) or place_only or sum_only
            found = assistant.retrieve(
                asked,
                context=topic.asked,
                context_passages=topic.passage_ids,
                limit=max(limit, TOPIC_CANDIDATES) if subjectless else limit,
            )
            first = topic.passage_ids[0] if topic.passage_ids else None
            # A question that refers back and names nothing of its own is about the topic's
            # subject, unless its own words are better explained elsewhere.
            back = first if refers_back(asked.tokens) and not names_own else None
            family = assistant.topic_passages(topic.passage_ids)
            found = assistant.facet_first(asked, found, back, family=family)
            found = assistant.fact_first(asked, found, family, subjectless=subjectless)
            if first is not None:
                # Not by a passage a refused question only came closest to: "hoeveel procent
                # van de kosten krijg ik terug?" after a refused question on a trade fair in
                # Paris finds FIT with that question's words, not the guess (translators).
                found = assistant.led_by_topic(
                    asked,
                    found,
                    first,
                    subjectless=subjectless and topic.confirmed,
                    family=family,
                    held=held,
                )
            found = assistant.current_first(asked, found, first)
            reading = _Reading(found, assistant.decide(found))
            # A question that points back and names nothing of its own asks its fact of the
            # topic's passage too, though its words alone find a passage that has one: "en
            # hoeveel moeten ze me minstens betalen?" after artikel 1bis, whose passage gives
            # the rule but no figure, got the self-employed's minimum contribution (0.90).
            # Refused alone, it is not made partial: "en hoe laat sluit het stadhuis daar?"
            # after Antwerp's project grants asks nothing of them.
            pointing = (
                topic.confirmed and alone.answered and refers_back(asked.tokens) and not names_own
            )
            in_context = reading
            if subjectless or pointing:
                # A question that names no subject and asks a kind of fact the confirmed
                # topic's passage holds is answered by it: "tot welk bedrag?" after a game
                # studio's hiring question had got the growth subsidy's passage, which gives
                # its ceilings, but its one word, "bedrag", is not in it (0.36).
                answers = (
                    subjectless
                    and topic.confirmed
                    and bool(assistant.asked(asked.text, asked.tokens))
                )
                on = first
                if sum_only and reading.found.hits and self._gives_sums(reading.first, family):
                    # So is a sum by a passage of the topic that gives sums, which tell
                    # whether it fits.
                    on, answers = reading.first, True
                in_context = self._on_topic(
                    reading, on, answers=answers, threshold=assistant.model.threshold_for(True)
                )
            if self._is_follow_up(
                asked, topic.asked, alone, in_context, first, family, names_own
            ) or (pointing and in_context.outcome == "partial"):
                chosen, followed_up = in_context, True
            # What a question that names no subject lacks, it lacks of the topic's passage: of
            # a confirmed topic's only. A refused question's passage is a guess ("wat kost
            # dat?" after a dancer's injury got the single permit's lack of a price).
            partial = chosen.decision.outcome == "partial"
            if followed_up and partial and subjectless and not topic.confirmed:
                chosen, followed_up = alone, False
        desk = False  # answered with the topic's desk: the topic stays
        if desk_asked:
            before = chosen
            chosen, followed_up, asked = self._who_helps(
                asked, help_asked, topic, limit, chosen, followed_up
            )
            desk = followed_up and chosen is not before
        # Refused, alone and in context: it may be talk ("Ik vrees dat u mijn vraag verkeerd
        # begrepen heeft.").
        chosen = _Reading(*assistant.as_talk(chosen.found, chosen.decision))
        if followed_up and topic is not None and self._shows_again(chosen, topic):
            # Said of the answer, a follow-up would only give that answer again ("hier heb ik
            # niks aan" after the Kunstendecreet's grant got that grant once more); thanks or
            # a farewell, a passage that answer showed (of a confirmed topic only: a refused
            # question's passages are guesses).
            chosen = _Reading(
                *assistant.as_talk(
                    chosen.found,
                    chosen.decision,
                    repeated=self._repeats(chosen, topic),
                    shown=topic.confirmed,
                )
            )
        # Talk follows up on nothing, and says so by no notice ("Waar haalt u die informatie
        # vandaan?" after the tax shelter had been told it was read with it).
        followed_up = followed_up and chosen.outcome != "smalltalk"
        # Only the reading that is answered is composed (snippets, suggestions).
        answer = assistant.compose(
            chosen.found, chosen.decision, top_k, named_before=topic is not None
        )
        if followed_up:
            answer = self._as_follow_up(answer, topic)
        if desk and topic is not None:  # (`desk_asked` is only asked with a topic)
            # Who helps with the topic is no new subject: the next question is still about
            # the topic ("en hoeveel kan ik krijgen?" after the tax shelter's desk).
            self.topic = dataclasses.replace(topic, at=now)
            return answer
        # Only a possible follow-up may keep the topic, so only its subject is looked at.
        names_own = names_own and bool(alone.found.hits)
        kept = topic if followed_up else None
        self._remember(answer, asked, kept, now, may_follow_up, chosen, names_own)
        return answer

    def _who_helps(
        self,
        asked: AnalysedQuestion,
        help_asked: AnalysedQuestion,
        topic: Topic,
        limit: int,
        chosen: _Reading,
        followed_up: bool,
    ) -> tuple[_Reading, bool, AnalysedQuestion]:
        """How to answer a question that asks only who or where helps after a topic the user
        was shown (`intent.asks_for_a_desk`): with the desk of the topic's family
        (`Assistant.desk_first`: the Cultuurloket after the CultuurKrediet, BOIP after an
        i-DEPOT, FIT after a trade fair), among the first `DESK_CANDIDATES` the question read
        with the topic finds, as a follow-up of the topic; when its own wording finds none
        that answers, the plain request (`SECTOR_HELP_REQUEST`) read with the topic is tried,
        for a wording that only adds words no desk holds ("who should we contact about it?"
        after a development project). Else the desk for the whole sector
        (what `SECTOR_HELP_REQUEST` finds: the Cultuurloket), alone, as a follow-up too; and
        only if that fails, as before: a request for help gets help with Wegwijzer, any other
        question ("waar kan ik daarvoor terecht?") the reading it already had.

        Args:
            asked: the question, read as a question rather than as a request for help.
            help_asked: the question as read alone (smalltalk: help, or `asked` itself).
            topic: the conversation's topic.
            limit: how many passages to rank.
            chosen: the reading chosen for it so far, and `followed_up`: whether that
                follows up on the topic.

        Returns:
            The reading to answer with, whether it follows up on the topic, and the
            question as it is to be remembered.
        """
        assistant = self.assistant
        family = assistant.topic_passages(topic.passage_ids)
        request = dataclasses.replace(assistant.read(SECTOR_HELP_REQUEST), smalltalk=None)
        for wording in (asked, request):
            found = assistant.retrieve(
                wording,
                context=topic.asked,
                context_passages=topic.passage_ids,
                limit=max(limit, DESK_CANDIDATES),
            )
            led = assistant.desk_first(wording, found, family)
            if led is not None:
                desk = _Reading(led, assistant.decide(led))
                if desk.answered:
                    return desk, True, asked
        found = assistant.sector_desk_first(request, assistant.retrieve(request, limit=limit))
        sector = _Reading(found, assistant.decide(found))
        if sector.answered and about_help(assistant.passage(sector.first)):
            # Only that desk: the other desks the request finds (for visas, for Creative
            # Europe) are no help with the topic.
            only = dataclasses.replace(found, hits=found.hits[:1])
            return _Reading(only, sector.decision), True, asked
        if help_asked is asked:
            return chosen, followed_up, asked
        found = assistant.retrieve(help_asked, limit=limit)
        return _Reading(found, assistant.decide(found)), False, help_asked

    def reset(self) -> None:
        """Forget the context."""
        self.topic = None

    def _is_follow_up(
        self,
        asked: AnalysedQuestion,
        context: AnalysedQuestion,
        alone: _Reading,
        in_context: _Reading,
        topic_first: str | None = None,
        family: frozenset[str] = frozenset(),
        names_own: bool = False,
    ) -> bool:
        """Whether to answer with the in-context reading rather than the question's own.

        Args:
            asked: the question.
            context: the question that set the topic.
            alone: the question read on its own.
            in_context: the question read with the topic.
            topic_first: the first passage answered on the topic.
            family: the topic's passages and their family (`Assistant.topic_passages`).
            names_own: the question, read alone, names a subject of its own
                (`Assistant.names_own_subject`, leaving out the words that point at the topic).
        """
        if not in_context.answered:
            # Knowing the subject but not the asked fact is still better than no answer, and
            # than a partial answer on a subject read less surely: "En voor inkomstenjaar
            # 2026?" after the ceiling for 2024 got, alone, the tax on author's rights (0.09,
            # which says a change of the flat rate was announced for 2026) instead of the
            # ceiling's passage, which lacks 2026's figure (0.94).
            return in_context.outcome == "partial" and (
                alone.outcome == "not_answered"
                or (
                    alone.outcome == "partial"
                    and in_context.decision.confidence > alone.decision.confidence
                )
            )
        if alone.found.hits and self._names_subject_elsewhere(
            asked, alone, in_context, names_own, topic_first
        ):
            return False
        if not alone.answered:
            return True
        found, alone_found = in_context.first, alone.first
        if (
            family
            and found not in family
            and not (refers_back(asked.tokens) and self.assistant.same_name(found, topic_first))
        ):
            # Read with the topic's words, a question answered on its own landed on a passage
            # of no topic: those words moved it, but it does not follow up on anything. Unless
            # it points back and lands on a passage of the same name: "en voor games?" after
            # the tax shelter for the performing arts is about the tax shelter for games.
            return False
        if found == alone_found:
            return False
        if (
            not has_anaphor(asked.tokens)
            and self.assistant.says_whole_name(asked, alone_found)
            and not self.assistant.says_whole_name(asked, found)
        ):
            # "Hoeveel krijg ik als Kunst in Huis een werk verkoopt?" after Kunst Aan Zet names
            # Kunst in Huis, which answers it on its own; read with the topic's words it had
            # got Kunst Aan Zet's loan amounts (0.99). Not "wat doet Flanders DC daarin?",
            # which asks about the topic.
            return False
        if not has_anaphor(asked.tokens) and self.assistant.names_passage(asked, alone_found):
            # "en sofam?" after Sabam: it names SOFAM's passage, which answers it on its own;
            # read with Sabam's words it landed on the overview that names them both. Not
            # "wat doet Flanders DC daarin?" after Kopiloot, which asks about the topic.
            return False
        if (
            len(asked.groups) >= OWN_QUESTION_WORDS
            and not refers_back(asked.tokens)
            and not self.assistant.own_explained(asked, found)
        ):
            # Answered on its own, with no word pointing back, and the topic's passage holds
            # none of what it says: only the topic's words carry that reading.
            return False
        if found == topic_first and has_anaphor(asked.tokens) and not names_own:
            # "hoeveel bedraagt die?": the pronoun stands for the topic's subject, on which the
            # question lands in context; its own words name no subject that could outweigh it.
            return True
        if found in family and alone_found not in family and not names_own:
            return True
        if (
            names_own
            and alone_found in family
            and found == topic_first
            and not refers_back(asked.tokens)
        ):
            # Naming a subject of its own, answered on its own by another passage of the
            # topic's family, where the topic's words only bring back the answer before: "hoe
            # registreer ik een merk?" after the difference between a trade name and a mark is
            # the Benelux mark's passage, not that difference again. Not "hoeveel kan ik
            # lenen?" after the winwinlening, which names nothing the topic does not (read
            # alone, it gets the startlening).
            return False
        explained = self.assistant.explained
        return explained(asked, context, found) > explained(asked, context, alone_found)

    @staticmethod
    def _repeats(reading: _Reading, topic: Topic) -> bool:
        """Whether a follow-up's answer leads with the passage the topic's answer led with."""
        return bool(
            reading.found.hits
            and topic.passage_ids
            and reading.found.hits[0].passage.id == topic.passage_ids[0]
        )

    @staticmethod
    def _shows_again(reading: _Reading, topic: Topic) -> bool:
        """Whether a follow-up's answer leads with a passage the topic's answer showed."""
        return bool(reading.found.hits and reading.found.hits[0].passage.id in topic.passage_ids)

    @staticmethod
    def _on_topic(
        in_context: _Reading, topic_first: str | None, answers: bool = False, threshold: float = 1.0
    ) -> _Reading:
        """The in-context reading of a question that names no subject, partial when it asks
        the topic's passage for a kind of fact it lacks: "hoe lang is het geldig?" after "wat
        is een woordmerk" is about the word mark, whose passage gives no term. Read alone it
        names nothing ("Waarover gaat je vraag?"), which is no answer to a user who named it
        before.

        With `answers` (it asks a kind of fact, of a topic the user was answered on), a
        passage that holds the asked fact answers, with at least the follow-up `threshold` as
        its confidence: the question's few words ("tot welk bedrag?") are mostly cues the
        passage need not say.
        """
        found = in_context.found
        if (
            in_context.outcome != "not_answered"
            or not found.hits
            or in_context.first != topic_first
        ):
            return in_context
        if found.missing:
            decision = Decision("partial", in_context.decision.confidence, found.missing)
            return _Reading(found, decision)
        if answers:
            confidence = max(in_context.decision.confidence, threshold)
            return _Reading(found, Decision("answered", confidence, ()))
        return in_context

    @staticmethod
    def _gives_only_a_sum(asked: AnalysedQuestion, topic: Topic) -> bool:
        """Whether a question gives only a sum ("50.000 euro?", "10k?",
        `intent.names_only_a_sum`) after a confirmed topic, and does not say it changes the
        subject ("nieuwe vraag: 10k?")."""
        return (
            topic.confirmed
            and bool(topic.passage_ids)
            and names_only_a_sum([g.word for g in asked.groups])
            and not changes_subject(asked.text, asked.tokens)
        )

    def _gives_sums(self, passage_id: str | None, family: Collection[str]) -> bool:
        """Whether a passage of the topic's `family` gives sums in euro that tell whether a
        user's sum fits; a historical passage's are no longer the rule."""
        passage = self.assistant.passage(passage_id) if passage_id in family else None
        return passage is not None and not passage.is_historical and gives_a_sum(passage.text)

    def _names_subject_elsewhere(
        self,
        asked: AnalysedQuestion,
        alone: _Reading,
        in_context: _Reading,
        names_own: bool = False,
        topic_first: str | None = None,
    ) -> bool:
        """Whether a question names a subject of its own that the passage it lands on in
        context explains less than `OWN_WORDS_SHARE` as much of as its own first passage does:
        "als kunstenaar via een bv werken, waar moet ik op letten?" after switching to a
        company, whose passage the topic's words (counted half) made the stronger reading.

        A pronoun ("hoe zet ik dat in gang?"), or a continuation that adds a case ("en als
        het een particulier was voor een trouwfeest?" after an unpaid invoice, whose
        "trouwfeest" only the passage on portrait rights holds; `intent.adds_a_case`), points
        at the topic when the question is not answered on its own; in a question that is
        ("... via een winwinlening, hoe regelen we dat?"), at what it names itself.

        Refused on its own, its own first passage is only a guess to compare with. Then, when
        it has no pronoun, adds no case and asks no kind of fact, it names a subject elsewhere
        if the topic's words moved it off the topic's first passage to one that holds under
        `OWN_WORDS_SHARE` of its own words ("and what about buying a Nintendo Switch?" after the
        tax shelter for games, on the one for audiovisual works, whose text has "koopt").

        Args:
            names_own: whether it names a subject of its own at all (see `_is_follow_up`).
            topic_first: the first passage answered on the topic.
        """
        assistant = self.assistant
        if not names_own:
            return False
        if not alone.answered and (has_anaphor(asked.tokens) or adds_a_case(asked.tokens)):
            return False
        if (
            not alone.answered
            and in_context.first != topic_first
            and not assistant.asked(asked.text, asked.tokens)
            and assistant.own_share(asked, in_context.first) < OWN_WORDS_SHARE
        ):
            return True
        return assistant.own_explained(asked, in_context.first) < (
            OWN_WORDS_SHARE * assistant.own_explained(asked, alone.first)
        )

    def _pointed(self, asked: AnalysedQuestion, topic: Topic) -> frozenset[str]:
        """The words of a question a demonstrative points with (`intent.pointed_words`) that
        the topic's first passage holds: "hoeveel is dat forfait?" after the costs a
        self-employed photographer may deduct asks about the flat rate of that passage, not
        about the flat rate on author's rights that "forfait" alone finds."""
        if not topic.passage_ids:
            return frozenset()
        words = pointed_words([surface_tokens(c) for c in CLAUSE.split(asked.text)])
        first = topic.passage_ids[0]
        return frozenset(
            g.word for g in asked.groups if g.word in words and self.assistant.holds_word(first, g)
        )

    def _as_follow_up(self, answer: Answer, topic: Topic) -> Answer:
        shown = topic.passage_ids if topic.confirmed else ()
        passage = self.assistant.passage(shown[0]) if shown else None
        notice = messages.FOLLOW_UP_NOTICE.format(
            topic=passage.title if passage else topic.question
        )
        return dataclasses.replace(answer, notices=(notice, *answer.notices))

    def _remember(
        self,
        answer: Answer,
        asked: AnalysedQuestion,
        kept: Topic | None,
        now: float,
        may_follow_up: bool = False,
        reading: _Reading | None = None,
        names_own: bool = False,
    ) -> None:
        """An answer on a subject sets (or, as a follow-up, keeps) the topic; expired ones go,
        and a goodbye ends it.

        A question without an answer becomes the topic when there is none, with the passage
        it came closest to, unconfirmed: "en hoeveel kost dat?" after it is read with its words
        and lands on that passage's subject. A question that may be a
        follow-up (it names no subject of its own) and that lands, even read on its own, on
        the topic's passages or their family ("komt een serie daarvoor in aanmerking?" after
        Screen Flanders) stays on that topic: its own words, which name nothing, would be a
        poor context for the next question. One that names a subject of its own (`names_own`)
        stays only when it lands on a passage the topic's answer showed ("en die billijke
        vergoeding?" after Unisono was shown); "en de winwinlening?" after the startlening,
        whose family it is, sets a topic of its own, or "hoeveel kan ik daarmee lenen?" would
        be read with the startlening.
        """
        current = self.topic if self.topic and now - self.topic.at <= self.timeout else None
        if answer.outcome in ("answered", "partial") and answer.passages:
            ids = tuple(p.id for p in answer.passages)
            same = current and (
                current.passage_ids[:1] == ids[:1]
                or (
                    may_follow_up
                    and ids[0] in self.assistant.topic_passages(current.passage_ids)
                    and (not names_own or ids[0] in current.passage_ids)
                )
            )
            # A question that lands on the topic's own passage stays on that topic.
            kept = kept or (current if same else None)
            self.topic = Topic(kept.asked if kept else asked, ids, now)
        elif asked.smalltalk == "bye":
            self.topic = None  # "doei": what comes after is a new conversation
        elif current is None and (
            answer.outcome == "not_answered"
            # A greeting told by its cues was refused as a question, and sets the topic as
            # one: after "Goedemorgen, ik ben ziek en kan mijn opdracht niet afwerken.", "krijg
            # ik een uitkering?" asks about the sickness benefit of the self-employed.
            or (
                reading is not None
                and reading.found.told is not None
                and reading.found.smalltalk == "hello"
            )
        ):
            self.topic = Topic(asked, self._unconfirmed(reading), now, confirmed=False)
        else:
            self.topic = current

    @staticmethod
    def _unconfirmed(reading: _Reading | None) -> tuple[str, ...]:
        """The passage a refused question came closest to: not enough to answer it, but what
        "en hoeveel is dat per dag?" after it is most likely about. Only the first: the next
        ones, on the topic too, would pull a follow-up away from it (on 1 December 2026,
        follow-ups right with the first three: 0.793 of the validation dialogues, 0.569 and
        0.698 of two new sets; with the first only: 0.802, 0.631, 0.698)."""
        if reading is None or not reading.found.hits:
            return ()
        return (reading.found.hits[0].passage.id,)


class Conversations:
    """The conversations of many chats, bounded: the least recently used are dropped.

    Args:
        factory: makes a new `Conversation` for a chat key.
        max_chats: how many chats are remembered at once.
    """

    def __init__(
        self, factory: Callable[[object], Conversation], *, max_chats: int = 10_000
    ) -> None:
        if max_chats < 1:
            raise ValueError(f"max_chats must be positive; got {max_chats}")
        self._factory = factory
        self._max = max_chats
        self._chats: OrderedDict[object, Conversation] = OrderedDict()

    def get(self, key: object) -> Conversation:
        conversation = self._chats.pop(key, None) or self._factory(key)
        self._chats[key] = conversation
        while len(self._chats) > self._max:
            self._chats.popitem(last=False)
        return conversation

    def __len__(self) -> int:
        return len(self._chats)

    def __iter__(self) -> Iterator[Conversation]:
        return iter(list(self._chats.values()))
