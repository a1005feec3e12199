import math

from assistant import Assistant
from assistant.analysis import TermGroup
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
