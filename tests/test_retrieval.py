import math

import numpy as np

from assistant import Assistant
from assistant.analysis import TermGroup
from assistant.decision import FEATURES
from assistant.retrieval import OutsideSubjects
from tests.conftest import passage, write_corpus


def test_lucene_idf_stays_positive_for_a_term_in_half_the_passages(tmp_path):
    text_a = "De winwinlening komt van familie. " * 5
    text_b = "Het octrooi beschermt een uitvinding en de winwinlening niet. " * 4
    root = write_corpus(
        tmp_path, {"a.yaml": [passage("a", text=text_a), passage("b", text=text_b)]}
    )
    index = Assistant.from_directory(root).index
    stem = index.analyzer.stem("winwinlening")
    assert index.idf(stem) > 0
    hits = index.search([TermGroup("winwinlening", stem)], limit=2)
    assert hits and all(h.score > 0 for h in hits)


def test_unknown_word_gets_the_highest_idf(assistant):
    index = assistant.index
    assert index.idf("zzzonbekend") > index.idf(index.analyzer.stem("winwinlening"))
    n = len(index.passages)
    assert math.isclose(index.idf("zzzonbekend"), math.log(1 + (n + 0.5) / 0.5))


def test_the_margin_is_taken_over_passages_on_another_subject_not_over_related_ones(tmp_path):
    about_fees = "Sabam vraagt een bijdrage van EUR 75 bij de aansluiting als auteur. " * 2
    about_sabam = "Sabam int auteursrechten voor muziek en betaalt auteurs uit. " * 2
    unrelated = "Een merk bij het BOIP beschermt je naam; Sabam speelt daarbij geen rol. " * 2
    linked = [
        passage("kosten", text=about_fees, related=["sabam"]),
        passage("sabam", text=about_sabam, related=["kosten"]),
        passage("merk", text=unrelated),
    ]
    lone = [passage("kosten", text=about_fees), passage("sabam", text=about_sabam)]
    lone.append(passage("merk", text=unrelated))
    question = "wat kost sabam voor een auteur"

    def margin(passages, folder):
        assistant = Assistant.from_directory(write_corpus(tmp_path / folder, {"a.yaml": passages}))
        groups = assistant.analyse(question)
        hits = assistant.index.search(groups, limit=3)
        assert hits[0].passage.id == "kosten"
        return assistant.index.signals(groups, hits).margin

    assert margin(linked, "linked") > margin(lone, "lone")


def test_the_search_boosts_only_contenders_and_finds_the_best_of_boosting_every_passage(
    assistant,
):
    from assistant.cli import EVAL_DIR
    from assistant.evaluation import load_eval_set
    from assistant.sparse import top_k

    index = assistant.index
    questions = [q.question for q in load_eval_set(EVAL_DIR / "vragen.yaml").questions]
    narrowed = 0
    for question in questions:
        query = index._query(list(assistant.read(question).groups))
        every, every_scores = index._touched_scores(query)
        for limit in (1, 3, 10):
            few, few_scores = index._contenders(query, limit)
            best, chosen = top_k(every_scores, every, limit), top_k(few_scores, few, limit)
            assert every[best].tolist() == few[chosen].tolist(), question
            assert every_scores[best].tolist() == few_scores[chosen].tolist(), question
            narrowed += len(few) < len(every)
    assert narrowed > len(questions)  # the shortcut is taken, not only allowed


def test_a_passages_score_and_the_best_score_equal_those_of_scoring_every_passage(assistant):
    index = assistant.index
    questions = ("wat is de winwinlening", "hoe bescherm ik mijn logo", "subsidie voor een film")
    for question in questions:
        groups = list(assistant.read(question).groups)
        every = index.scores(groups)
        for doc in (*np.flatnonzero(every)[:20].tolist(), int(np.argmin(every))):
            assert index.score_and_best(groups, doc) == (every[doc], every.max())


def test_title_coverage_is_the_same_read_from_either_side(assistant):
    """`_TitleTerms.coverage` reads the passages' titles or the term's holders, whichever
    is shorter: both give the same counts."""
    import numpy as np

    titles = assistant.index._titles
    rng = np.random.default_rng(9)
    n_terms, n = len(titles._full), len(assistant.passages)
    hits = 0
    for _ in range(50):
        asked = sorted(set(rng.integers(0, n_terms, size=int(rng.integers(1, 8))).tolist()))
        doc = int(rng.integers(0, n))
        asked = sorted({*asked, *titles._titles.row(doc).tolist()[:2]})  # some that hit
        docs = np.unique([doc, *rng.integers(0, n, size=int(rng.integers(1, n)))])
        wanted = np.zeros(n_terms, dtype=bool)
        wanted[asked] = True
        for rows, holders in ((titles._titles, titles._full), (titles._cores, titles._core)):
            by_holders = titles._holding(holders, asked, docs)
            assert np.array_equal(by_holders, titles._held(rows, wanted, docs))
            hits += int(by_holders.sum())
    assert hits > 50


def test_a_hits_coverage_is_its_passages_coverage_of_the_question(assistant):
    # A search measures a hit's coverage only when it is read: the same number as asking for it.
    groups = assistant.analyse("hoeveel kan ik lenen met een winwinlening van mijn familie")
    index = assistant.index
    hits = index.search(groups, limit=10)
    positions = {p.id: i for i, p in enumerate(index.passages)}
    assert len(hits) == 10
    for hit in hits:
        assert hit.coverage == index.coverage(groups, positions[hit.passage.id])
    assert hits[0] == hits[0].with_coverage(hits[0].coverage)
    assert hits[0] != hits[0].with_coverage(hits[0].coverage / 2)


def test_an_outside_subject_holds_the_users_own_words_as_written_and_stand_ins_by_stem(
    assistant,
):
    subjects = {"huren": ["verhuurder", "huisbaas"], "papieren": ["paspoort", "identiteitskaart"]}
    outside = OutsideSubjects(subjects, assistant.index.analyzer)

    def share(question: str) -> float:
        groups = list(assistant.read(question).groups)
        return outside.share(groups, assistant.index.informations(groups))

    assert share("hoe vraag ik een nieuw paspoort aan") > 0.5
    assert share("twee paspoorten verloren") > 0.0  # a plural is the same word
    assert share("mijn verhuurder wil de huur verhogen") > 0.0
    # "verhuren" and "verhuurder" share a stem, but renting out one's work is in the domain.
    assert share("kan ik mijn kunst laten verhuren") == 0.0
    # A typo's correction stands in for the word.
    assert share("mijn identiteitskaaart is verlopen") > 0.0
    assert share("wat is de winwinlening") == 0.0


def test_the_strongest_outside_subject_is_named_with_its_share(assistant):
    subjects = {"papieren": ["paspoort"], "huren": ["huisbaas", "huurwaarborg"]}
    outside = OutsideSubjects(subjects, assistant.index.analyzer)

    def strongest(question: str) -> tuple[str | None, float]:
        groups = list(assistant.read(question).groups)
        informations = assistant.index.informations(groups)
        found = outside.strongest(groups, informations)
        assert found[1] == outside.share(groups, informations)  # the same share
        return found

    # Two words of renting hold more than one of papers, though papers are listed first.
    name, held = strongest("mijn huisbaas houdt mijn huurwaarborg en mijn paspoort")
    assert name == "huren" and 0.5 < held < 1.0
    assert strongest("hoe vraag ik een nieuw paspoort aan")[0] == "papieren"
    assert strongest("wat is de winwinlening") == (None, 0.0)


def test_a_word_not_counted_for_an_outside_subject_still_counts_in_the_question(assistant):
    outside = OutsideSubjects({"papieren": ["paspoort"]}, assistant.index.analyzer)
    groups = list(assistant.read("hoe vraag ik een nieuw paspoort aan").groups)
    informations = assistant.index.informations(groups)
    counted = [g.word != "paspoort" for g in groups]
    assert outside.share(groups, informations) > 0.5
    assert outside.share(groups, informations, counted=counted) == 0.0
    assert outside.share(groups, informations, counted=[True] * len(groups)) == outside.share(
        groups, informations
    )


def test_a_listed_word_whose_stem_is_a_corpus_term_is_no_stand_in(assistant):
    # "gerecht" (a dish) stems to "recht"; the stand-in for "rights" is that corpus term.
    analyzer, index = assistant.index.analyzer, assistant.index
    subjects = {"koken": ["gerecht", "soep"]}
    loose = OutsideSubjects(subjects, analyzer)
    strict = OutsideSubjects(subjects, analyzer, index.vocabulary(), {"soep"})

    def share(outside: OutsideSubjects, question: str) -> float:
        groups = list(assistant.read(question).groups)
        return outside.share(groups, index.informations(groups))

    rights = "which rights do I keep as an author"
    assert share(loose, rights) > 0.0 and share(strict, rights) == 0.0
    assert share(strict, "wat is een goed gerecht voor vanavond") > 0.0  # as written


def test_the_bundled_model_weighs_a_neighbouring_subject_against_an_answer(assistant):
    weights = dict(zip(FEATURES, assistant.model.weights, strict=True))
    assert weights["outside"] < 0.0
    passport = assistant.retrieve("hoe vraag ik een nieuw paspoort aan")
    assert passport.features["outside"] > 0.5
    assert assistant.decide(passport).outcome == "not_answered"


def test_a_neighbouring_subject_the_domain_shares_words_with_is_refused(assistant):
    # "fiscaal aftrekbaar" is the domain's vocabulary; a life insurance policy is a
    # household's, listed in buiten-bereik.yaml.
    found = assistant.retrieve("is een levensverzekering fiscaal aftrekbaar")
    assert found.features["outside"] > 0.0
    assert assistant.decide(found).outcome == "not_answered"
    assert (
        assistant.retrieve("mag ik met mijn diesel nog in de lez van antwerpen").features["outside"]
        > 0.0
    )


def test_known_coverage_is_a_share_of_the_words_the_corpus_knows(assistant):
    # A word known only through its parts ("bankkaart": "bank", "kaart") is no word the corpus
    # knows, so its covered parts do not count: they had made the share 4.06.
    found = assistant.retrieve("Hoe vraag ik een nieuwe bankkaart aan?")
    for _, features in found.candidates:
        assert 0.0 <= features["known_coverage"] <= 1.0
    assert found.features["known_coverage"] < found.features["coverage"]
