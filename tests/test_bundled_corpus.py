"""What the bundled corpus holds and answers: tests whose assertions name its content.

Each test here names passages, titles, texts, sources, dates or counts of the corpus that ships
with Wegwijzer, so it holds for the corpus as it is today rather than for the code in general:
when a curator renames, rewrites or removes a passage, this module and the evaluation sets in
tests/eval are where tests are expected to need updating. `pytest -m corpus` runs them alone;
`pytest -m "not corpus"` leaves them out.
"""

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import ask, cli, messages
from assistant.analysis import content_tokens
from assistant.conversation import Conversation
from assistant.corpus import bundled_corpus_dir, load_corpus, parse_date
from assistant.report import build_report
from assistant.store import Store
from tests.conftest import run_cli, unanswered

pytestmark = pytest.mark.corpus

ROOT = Path(__file__).resolve().parent.parent


# The corpus itself: its size and kinds, its register of sources, its folders.


def test_bundled_corpus_loads_with_enough_passages_of_every_kind():
    corpus = load_corpus(bundled_corpus_dir())
    assert len(corpus.passages) >= 150
    assert {p.kind for p in corpus.passages} == {"maatregel", "organisatie", "procedure", "begrip"}


def test_every_historical_passage_points_to_a_current_one():
    corpus = load_corpus(bundled_corpus_dir())
    by_id = corpus.by_id()
    historical = [p for p in corpus.passages if p.is_historical]
    assert historical
    for p in historical:
        assert by_id[p.superseded_by].status == "actueel", p.id


def test_bundled_passages_cite_the_register_and_every_entry_is_cited_or_linked():
    corpus = load_corpus(bundled_corpus_dir(), today=dt.date(2026, 11, 30))
    assert all(p.sources and p.sources[0] in corpus.sources for p in corpus.passages)
    used = {sid for p in corpus.passages for sid in p.sources + p.linked}
    assert set(corpus.sources) == used
    assert not [w for w in corpus.warnings if "no passage cites" in w.message]
    # No passage claims a check before the date of a page it cites (20 did, up to 4 December
    # 2026: their `checked` was raised to the latest date of their sources).
    assert not [w for w in corpus.warnings if "before the date of its source" in w.message]


def test_every_url_in_the_bundled_corpus_stands_in_the_register():
    root = bundled_corpus_dir()
    register_urls = {e.source.url for e in load_corpus(root).sources.values()}
    text = "\n".join(
        path.read_text("utf-8") for path in root.rglob("*.yaml") if path.name != "bronnen.yaml"
    )
    # Read the files, not the loaded passages: a URL anywhere in a passage file counts.
    urls = set(re.findall(r"https?://[^\s\"'},]+", text))
    assert urls <= register_urls, sorted(urls - register_urls)
    corpus = load_corpus(root)
    assert {link.url for p in corpus.passages for link in p.links} <= register_urls


def test_a_current_organisation_s_passage_opens_with_what_it_is():
    # "wat is sofam?" is answered with the passage's first sentence; it had been SOFAM's
    # membership fee ("Lid worden van SOFAM kost ..."), so the user never read what SOFAM is.
    # The first sentence opens (after "Het" or "De") with the name the title leads with or
    # the one it gives in parentheses. Question titles ("Wie helpt bij ...?") name none.
    corpus = load_corpus(bundled_corpus_dir())
    unnamed = []
    for passage in corpus.passages:
        name, *rest = re.split(r"[(,]", passage.title, maxsplit=1)
        if (
            passage.kind != "organisatie"
            or passage.status != "actueel"
            or not rest
            or passage.title.endswith("?")
        ):
            continue
        names = [name, *re.findall(r"\(([^)]*)\)", passage.title)]
        opening = re.sub(r"^(het|de) ", "", passage.text.strip().lower())
        if not any(opening.startswith(n.strip().lower()) for n in names):
            unnamed.append(passage.id)
    assert not unnamed


def test_the_readme_describes_every_corpus_folder_and_no_other():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    described = set(re.findall(r"^\| `([a-z-]+)/` \|", readme, re.MULTILINE))
    folders = {p.name for p in bundled_corpus_dir().iterdir() if p.is_dir()}
    assert described == folders


def test_corpus_stats_counts_per_kind_status_and_publisher(capsys):
    code, out, _ = run_cli(capsys, "corpus", "stats")
    assert code == 0
    assert "per kind:" in out and "historisch" in out and "PMV" in out


# Answers: which passage a question finds, and what is shown of it.


def test_every_suggested_question_leads_to_the_passage_it_was_written_for(assistant):
    # A passage's first example question is what Wegwijzer offers as a suggestion ("Misschien
    # bedoel je"); one that is refused, or answered with another passage, sends the user off.
    # A partial answer on the passage itself is fine, and so is a historical passage's
    # successor.
    astray = []
    for passage in assistant.corpus.passages:
        answer = assistant.ask(passage.questions[0])
        first = answer.passages[0].id if answer.passages else None
        if answer.outcome not in ("answered", "partial") or first not in (
            passage.id,
            passage.superseded_by,
        ):
            astray.append(f"{passage.id}: {passage.questions[0]!r} -> {answer.outcome} {first}")
    assert not astray


def test_headline_question_is_answered_with_a_sourced_snippet():
    answer = ask("Hoe bescherm ik mijn ideeën?")
    assert answer.answered
    assert answer.passages[0].id == "ideeen-beschermen"
    for p in answer.passages:
        assert p.source.url or p.source.document
        assert p.checked[:4].isdigit()
        assert p.source.date is None or p.source.date[:4].isdigit()  # None: page shows no date
        assert 0 < len(p.snippet) <= 300


def test_an_answer_cites_the_source_its_snippet_names(assistant):
    # The beroepskaart's passage cites a town's page first; its price comes from the Flemish
    # government's page, which the sentence names ("(Vlaamse overheid, gezien in 2026)"): of
    # that publisher's two pages, the one on price and validity.
    price = assistant.ask("hoeveel kost een beroepskaart aanvragen?", top_k=1).passages[0]
    assert price.id == "beroepskaart-aanvragen"
    assert price.source.url.endswith("/beroepskaart-prijs-en-geldigheid")
    fee = assistant.ask("hoeveel kost de inschrijving in de kbo", top_k=1).passages[0]
    assert (fee.id, fee.source.publisher) == ("kbo", "Teamleader")  # "volgens Teamleader"
    # An acronym in the publisher's brackets credits it too ("volgens de VJV").
    sbk = assistant.ask("hoeveel kost een sbk", top_k=1).passages[0]
    assert (sbk.id, sbk.source.publisher) == ("sbk-kosten", "Vlaamse Journalisten Vereniging (VJV)")
    # A publisher the snippet only names, as its subject, is not credited: "VLAIO ontstond in
    # 2016 ..." keeps the passage's main source (the Flemish Parliament's report).
    vlaio = assistant.ask("wat is vlaio", top_k=1).passages[0]
    assert vlaio.id == "vlaio" and "VLAIO" in vlaio.snippet
    assert vlaio.source == assistant.passage("vlaio").source
    # A sentence that names no other publisher keeps the passage's main source.
    abroad = assistant.ask("hoe vraag ik een beroepskaart aan vanuit het buitenland", top_k=1)
    first = abroad.passages[0]
    assert first.id == "beroepskaart-aanvragen"
    assert first.source == assistant.passage(first.id).source


def test_a_facet_that_holds_the_asked_fact_leads_its_overview(assistant):
    # The visa's overview lacks its cost; the facet on what it costs holds it. Read below the
    # threshold, the question was answered partially by the overview ("Om welk bedrag het
    # precies gaat, staat niet in de kennisbank"), a claim the facet under it contradicts.
    for question in (
        "how much is a schengen visa for a performer",
        "hoeveel kost ne visum kort verblijf voor een zangeres uit ghana die hier komt spelen",
    ):
        found = assistant.retrieve(assistant.read(question))
        assert found.hits[0].passage.id == "visum-kort-verblijf-kosten", question
        answer = assistant.ask(question)
        assert answer.outcome != "partial", question
        assert answer.answered or answer.suggestions[0] == "wat kost een visum kort verblijf"
    assert assistant.ask("wat kost een visum kort verblijf").passages[0].id == (
        "visum-kort-verblijf-kosten"
    )
    # A facet ranked lower than second does not move: PlayRight's operating costs give a
    # percentage, but of its costs, not of what a session musician gets.
    question = (
        "hoeveel procent krijgt een sessiemuzikant van playright in vergelijking met de "
        "hoofdartiest?"
    )
    found = assistant.retrieve(assistant.read(question))
    assert [h.passage.id for h in found.hits[:3]][::2] == ["playright", "playright-werkingskosten"]
    assert assistant.ask(question).outcome == "partial"


def test_snippet_is_the_sentence_that_answers_not_the_start(assistant):
    answer = assistant.ask("wat kost een i-depot", top_k=1)
    assert answer.passages[0].id == "i-depot"
    assert "EUR 37" in answer.passages[0].snippet
    assert not answer.passages[0].snippet.startswith("Met een i-DEPOT")


def test_historical_passage_says_so_and_points_to_its_successor(assistant):
    answer = assistant.ask("hoeveel kon je lenen met een winwinlening in 2012")
    old = next(p for p in answer.passages if p.id == "winwinlening-2012")
    assert old.status == "historisch"
    assert old.superseded_by is not None and old.superseded_by.id == "winwinlening"
    assert any("Winwinlening" in notice for notice in answer.notices)
    # Only the lead's: a historical passage among the others is marked where it is listed.
    answer = assistant.ask("wat is cultuurinvest")
    assert answer.passages[0].status == "actueel"
    assert any(p.status == "historisch" for p in answer.passages[1:])
    assert not any("situatie van toen" in notice for notice in answer.notices)


def test_html_in_a_question_is_treated_as_text(assistant):
    answer = assistant.ask("<b>Wat is de winwinlening?</b> & <i>hoeveel</i>")
    assert answer.answered
    assert answer.passages[0].id == "winwinlening"
    assert answer.question.startswith("<b>")  # kept as typed; renderers escape it


def test_full_passage_shows_a_whole_passage_with_its_source(assistant):
    shown = assistant.full_passage("winwinlening")
    assert shown is not None
    assert shown.snippet == assistant.passage("winwinlening").text
    assert shown.source.url == "https://www.pmv.eu/product/winwinlening/"
    assert {r.id for r in shown.related} >= {"winwinlening-afsluiten"}
    assert assistant.full_passage("bestaat-niet") is None


def test_latest_check_is_an_iso_date(assistant):
    assert assistant.latest_check >= "2025-12"


def test_complete_suggests_titles_and_questions_for_what_was_typed(assistant):
    suggestions = assistant.complete("winwin")
    assert 1 <= len(suggestions) <= 25
    assert "Winwinlening" in suggestions
    assert all(len(s) <= 100 for s in suggestions)
    assert len(assistant.complete("")) == 25
    assert assistant.complete("octroi")  # a typo still finds something through search
    # A title and an example question that differ only in capitals or a "?" come once.
    offered = assistant.complete("hoe bescherm")
    assert offered[0] == "Hoe bescherm ik mijn ideeën?"
    assert "hoe bescherm ik mijn ideeën?" not in offered
    assert len({s.casefold().rstrip("?") for s in offered}) == len(offered) == 25


def test_a_partial_answer_says_what_it_does_not_know_and_names_the_desk(assistant):
    answer = assistant.ask("wat is het telefoonnummer van het cultuurloket")
    assert answer.outcome == "partial" and not answer.answered
    assert "staat niet in de kennisbank" in answer.message and "Cultuurloket" in answer.message
    assert answer.passages[0].id == "cultuurloket" and answer.fallback.label == "Cultuurloket"


@pytest.mark.parametrize(
    ("question", "passage", "says", "shows"),
    [
        # Hefboom's passages say what the CultuurKrediet is and how to ask for it, not how
        # long the decision takes: had been answered as if they did.
        (
            "hoe snel beslist hefboom over een cultuurkrediet",
            "cultuurkrediet",
            "Hoe lang het duurt, staat niet in de kennisbank.",
            None,
        ),
        (
            "hoe lang duurt het voor PMV beslist over mijn startlening",
            "startlening-aanvragen",
            None,
            "30 dagen",
        ),
        # The sentence on the decision, not the first one with a term ("Het gewone attest ...").
        (
            "hoe lang duurt het voor de kunstwerkcommissie beslist",
            "kunstwerkattest",
            None,
            "de commissie beslist binnen 3 maanden",
        ),
        # The passage says a late VAT return is fined, not how much; its dates had answered it.
        (
            "hoe hoog is de boete voor een te late btw-aangifte",
            "btw-hervorming-2025",
            "Hoe hoog de boete is, staat niet in de kennisbank.",
            "volgt de boete automatisch",
        ),
        (
            "hoeveel boete krijg ik als ik mijn sociale bijdragen te laat betaal",
            "sociale-bijdragen-te-laat-betalen",
            None,
            "3% verhoging",
        ),
        # The allowance "hangt af van het land": no amount per month, which its figures had
        # answered at 0.70; shown is what it says about the month, not "1 tot 6 maanden".
        (
            "hoeveel bedraagt de maandelijkse tegemoetkoming van erasmus voor jonge ondernemers",
            "erasmus-jonge-ondernemers",
            "Hoeveel het per maand bedraagt, staat niet in de kennisbank.",
            "De EU geeft een maandelijkse tegemoetkoming",
        ),
        (
            "hoeveel krijg ik per dag als ik als zelfstandige ziek ben",
            "arbeidsongeschiktheid-uitkering-bedrag",
            None,
            "dagbedrag",
        ),
        # The passage gives 2024's calls and says to check this year's calendar.
        (
            "wanneer is de volgende oproep van de kmo groeisubsidie",
            "kmo-groeisubsidie-aanvragen",
            "Welke datum nu geldt, staat niet in de kennisbank.",
            "in 2024 waren er drie",
        ),
        # Dates of no year come back every year: the sentence with them is the answer.
        (
            "wanneer is de volgende deadline voor het fonds voor talentontwikkeling",
            "antwerpen-talentontwikkeling",
            None,
            "Je dient in uiterlijk op 1 maart",
        ),
    ],
)
def test_a_kind_of_fact_is_answered_only_where_a_passage_says_it(
    assistant, question, passage, says, shows
):
    # `says`: the partial answer's message, when the passage lacks the kind of fact asked.
    answer = assistant.ask(question)
    assert answer.passages[0].id == passage
    if says:
        assert answer.outcome == "partial" and answer.message.startswith(says)
    else:
        assert answer.answered
    if shows:
        assert shows in answer.passages[0].snippet


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        # Neither asks a sum: a partial answer had said the sum was missing (0.24).
        (
            "kan ik een vast bedrag aftrekken als zelfstandige zonder bonnetjes",
            "beroepskosten-zelfstandige",
        ),
        ("is er een minimum aantal werken om lid te worden van sabam", "sabam-lid-worden"),
        # Told the depreciation passage lacked this year's amount (partial, 0.10).
        (
            "bought a kiln for 4.200 euro, can i put the whole amount as cost this year?",
            "afschrijven-investeringen",
        ),
    ],
)
def test_a_sum_only_named_is_not_asked(assistant, question, passage):
    answer = assistant.ask(question)
    assert answer.answered and answer.passages[0].id == passage


def test_a_figure_for_a_year_the_corpus_lacks_is_a_partial_answer_naming_the_year(assistant):
    answer = assistant.ask("hoeveel rente betaal ik op een startlening in 2026?")
    assert answer.outcome == "partial" and answer.passages[0].id == "startlening"
    assert answer.message.startswith(
        "Wat voor 2026 geldt, staat niet in de kennisbank. Wel dit, over «Startlening"
    )
    # "dit jaar" is the knowledge base's year: the passage gives 2024's rate fork only.
    answer = assistant.ask("welke rentevork geldt er dit jaar voor een winwinlening?")
    assert answer.outcome == "partial"
    assert answer.message.startswith("Wat voor 2026 geldt, staat niet in de kennisbank.")


@pytest.mark.parametrize(
    ("question", "passage", "span"),
    [
        ("hoeveel kost een i-depot van 15 jaar", "i-depot", "15 jaar"),
        ("wat kost een benelux-merk voor drie klassen", "benelux-merk", "3 klassen"),
    ],
)
def test_a_price_for_a_span_the_corpus_lacks_is_a_partial_answer_naming_it(
    assistant, question, passage, span
):
    # The passages price an i-DEPOT of 5 and 10 years and a mark of one class: both had been
    # answered at 0.94 with those prices.
    answer = assistant.ask(question)
    assert answer.outcome == "partial" and answer.passages[0].id == passage
    assert answer.message.startswith(f"Wat voor {span} geldt, staat niet in de kennisbank.")
    # The span the passage does price is answered.
    answer = assistant.ask(question.replace("15 jaar", "10 jaar").replace("drie", "een"))
    assert answer.outcome == "answered" and answer.passages[0].id == passage


@pytest.mark.parametrize(
    ("question", "overview", "facet"),
    [
        ("volgrecht", "volgrecht", "volgrecht-tarieven"),
        ("wat is een beroepskaart", "beroepskaart-kunstenaar", "beroepskaart-aanvragen"),
        # An organisation's overview carries its name as id, so its facets ("sabam-...") are
        # found to be facets of it.
        ("wat is sabam", "sabam", "sabam-lid-worden"),
        # Facets whose ids do not extend their overview's name it (`overview`).
        ("plagiaat van mijn werk", "inbreuk-auteursrecht-stappen", "namaak-strafrechtelijk"),
    ],
)
def test_a_question_naming_only_a_subject_gets_its_overview_before_a_facet(
    assistant, question, overview, facet
):
    ranked = [p.id for p in assistant.ask(question).passages]
    # (Until the neighbours of 5 December 2026 plagiarism's facet here was the one on
    # gathering evidence, which it no longer shows.)
    assert ranked.index(overview) < ranked.index(facet)


def test_a_question_naming_a_facets_whole_title_gets_the_facet(assistant):
    # "VAF Mediafonds" is the facet's title, not a mere mention of the VAF: its overview had
    # come first.
    answer = assistant.ask("Wat is het VAF Mediafonds?")
    assert answer.answered and answer.passages[0].id == "vaf-mediafonds"
    assert assistant.ask("wat is het vaf").passages[0].id == "vaf"


def test_a_donor_is_someone_who_gives(assistant):
    # "schenker" was a word the corpus lacks, so the question was refused at 0.30.
    answer = assistant.ask("Hoeveel belastingvermindering krijgt een particuliere schenker?")
    assert answer.answered and answer.passages[0].id == "giften-belastingvermindering"


def test_of_passages_about_as_likely_to_answer_the_one_asked_for_in_its_wording_goes_first(
    assistant,
):
    # The winwinlening is a subordinated loan and says "voordeel" (its tax advantage): the
    # probability put it first, by 0.02; the subordinated loan's own example questions read
    # like the question.
    question = "welk voordeel heeft een achtergestelde lening voor mijn bank"
    found = assistant.retrieve(question)
    evidence = dict(found.candidates)
    model = assistant.model
    p = {pid: model.probability(evidence[pid]) for pid in evidence}
    # (Since the word votes of 5 December 2026 the probability agrees: "achtergestelde
    # lening" votes for its own passage; since its neighbours that day, by more than 0.15.)
    assert p["achtergestelde-lening"] > p["winwinlening"]
    assert found.hits[0].passage.id == "achtergestelde-lening"
    assert assistant.ask(question).passages[0].id == "achtergestelde-lening"
    # An English question's letters are not compared with Dutch wordings.
    assert all(
        f["wording"] == 0.0
        for _, f in assistant.retrieve("how do I register a trademark").candidates
    )


def test_an_english_question_is_answered_in_dutch_with_a_notice(assistant):
    answer = assistant.ask("how do I register a trademark in Belgium")
    assert answer.answered and answer.passages[0].id in {"benelux-merk", "eu-merk-model"}
    assert any("Engels" in notice for notice in answer.notices)


def test_a_word_only_the_english_glossary_lists_is_english_evidence(assistant):
    # "is" and "a" are Dutch too; "deductible" is English, though the glossary translates it.
    assert assistant.read("is a VAPZ tax deductible?").english
    assert not assistant.read("is de VAPZ fiscaal aftrekbaar?").english
    assert not assistant.read("trademark registreren voor mijn label").english


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        # No function word says it is English; glossary words the passages hardly use do.
        ("unregistered community design fashion", "niet-ingeschreven-gemeenschapsmodel"),
        # "become" is "worden", a stopword: becoming self-employed had got the pension of the
        # self-employed (0.75).
        ("how do i become self-employed", "starten-als-zelfstandige"),
        ("thinking of going freelance, where do i start", "starten-als-zelfstandige"),
        ("how do i become self employed", "starten-als-zelfstandige"),
        # "niet-europeaan" and its joined form were two unknown words, the heaviest of it.
        ("mag een niet-europeaan hier als zelfstandige werken", "derdelander-werken-in-belgie"),
        # Makers tell the injury, not the term: "arm" and "gebroken" weighed as unknown words.
        (
            "ik heb mijn arm gebroken, krijg ik als zelfstandige een uitkering?",
            "arbeidsongeschiktheid-zelfstandige",
        ),
        # ... or what might happen, or its name (bug bashes 26 and 27: 0.05 to 0.31, refused)
        (
            "als ik mijn pols breek, krijg ik dan iets als zelfstandige?",
            "arbeidsongeschiktheid-zelfstandige",
        ),
        (
            "ik heb een peesontsteking en mag vier weken niet tekenen, krijg ik iets als "
            "zelfstandige?",
            "arbeidsongeschiktheid-zelfstandige",
        ),
        (
            "ik heb een ongeluk gehad en kan niet werken, krijg ik iets als zelfstandige?",
            "arbeidsongeschiktheid-zelfstandige",
        ),
        # A stand at a fair abroad: "stand", which no keyword had, tells the fair ("beurs" alone
        # is as often a grant); refused at 0.26 and 0.40.
        (
            "Ik ga met een stand naar de spellenbeurs in Essen. Kan ik daar subsidie voor krijgen?",
            "fit",
        ),
        (
            "ik wil met een stand naar een designbeurs in tokyo om klanten te vinden 🇯🇵 kan ik "
            "daar ergens subsidie voor krijgen en hoe vraag ik da aan?",
            "fit",
        ),
        # The AKV is not for workshops, teaching or technical work; its keywords lacked those
        # words (0.56, refused).
        (
            "Mag onze vrijwillige lichttechnicus ook met de amateurkunstenvergoeding betaald "
            "worden?",
            "amateurkunstenvergoeding",
        ),
        # "voorstelling" and a fee ("gage") were no words of the performers' VAT passage:
        # refused at 0.48, or answered with what an SBK costs.
        (
            "wij spelen voorstellingen in scholen. moete wij op onze factuur btw zetten of ni? we "
            "zen toch artiesten, da's toch anders?",
            "btw-uitvoerende-artiesten",
        ),
        (
            "Ik dans zelf als gast mee in een voorstelling van een ander gezelschap en krijg daar "
            "een gage voor. Welke btw moet ik daarop rekenen?",
            "btw-uitvoerende-artiesten",
        ),
        # Working out one's hourly price: "berekenen", "uurprijs" (0.27 and 0.60, refused).
        (
            "hoe reken ik best mijn uurprijs uit voor maatwerk. ik vraag nu 45 euro per uur en ik "
            "heb het gevoel da ik te goedkoop ben",
            "prijszetting",
        ),
        (
            "Ik wil mijn groothandelsprijs berekenen voor winkels, bestaat er een rekentool voor "
            "ontwerpers?",
            "prijszetting",
        ),
        # A creative trade after "als" or "voor een" is the user's detail: "videograaf" was 0.45
        # of the first question (refused at 0.49 to 0.56).
        (
            "is een beroepsaansprakelijkheidsverzekering verplicht voor een videograaf?",
            "beroepsaansprakelijkheid",
        ),
        (
            "Moet ik als decorbouwer verplicht een aansprakelijkheidsverzekering hebben?",
            "verplichte-aansprakelijkheidsverzekering",
        ),
        (
            "Welk btw tarief moet ik aanrekenen als harpiste voor een optreden op een trouw?",
            "btw-uitvoerende-artiesten",
        ),
        # ... or after "ik ben" (0.45).
        (
            "ik ben harpiste en wil in bijberoep starten, hoeveel sociale bijdragen betaal ik?",
            "bijberoep",
        ),
        # "organiseer" is no "organisator", and free entry was told in other words (0.47, 0.55).
        (
            "ik organiseer zelf een klein concertje in een bar met 3 acts. moet ik dan sabam "
            "betalen?",
            "unisono-organisator",
        ),
        ("zondag is de toegang gratis, moeten we dan toch sabam betalen??", "unisono-organisator"),
        # "afpakken" is seizing (0.32, refused).
        (
            "Mijn atelier zit in ons huis. As 't ooit slecht afloopt met de zaak, kunnen ze dan "
            "ons huis afpakken? Ik heb een eenmanszaak",
            "woning-onbeslagbaar-zelfstandige",
        ),
        # The arts grant is for one's practice without a project; its keywords lacked the
        # practice (0.59, refused). A poet's year to experiment is the writers' grant (a
        # reviewer's probe: "experimenteren" as the arts grant's keyword had taken it).
        (
            "Bestaat er een beurs om een jaar aan mijn eigen praktijk te werken?",
            "kunstendecreet-beurs",
        ),
        (
            "ik ben dichter en wil een jaar experimenteren met een nieuw genre, welke beurs?",
            "werkbeurs-auteurs",
        ),
        # "acting" is an actor's work (the glossary had "actor" only: refused at 0.50).
        (
            "When I invoice a theatre for acting in their voorstelling, do I put 21% btw on it?",
            "btw-uitvoerende-artiesten",
        ),
        # A trade name exists without registering it; the passage's keywords lacked
        # "registreren" and a studio's name (0.56, refused; the kinds of trademark answered the
        # other).
        (
            "Quick question in English: my studio name is on my website and invoices since 3 "
            "years, but I never registered it anywhere. Is the name protected at all?",
            "handelsnaam",
        ),
        (
            "We willen de naam van onze studio beschermen. Is een handelsnaam genoeg of hebben we "
            "een merk nodig?",
            "handelsnaam",
        ),
    ],
)
def test_a_question_in_the_users_words_is_answered_with_its_passage(assistant, question, passage):
    answer = assistant.ask(question)
    assert answer.answered and answer.passages[0].id == passage


def test_becoming_self_employed_is_no_other_self(assistant):
    # "become self employed" is one phrase, not "become self" before anything: "how do i become
    # self published" had been answered with founding a BV (0.92).
    stem = assistant.index.analyzer.stem
    for question in (
        "how do i become self published",
        "how can my theatre company become self-sufficient",
    ):
        terms = {t for g in assistant.read(question).groups for t in g.terms}
        assert stem("zelfstandige") not in terms, question
        assert not assistant.ask(question).answered, question
    assert stem("zelfstandige") in {
        t for g in assistant.read("how do i become self-employed").groups for t in g.terms
    }


def _reads_a_price(assistant, question):
    """Whether a question's words stand for "prijs" (a "vragen" that charges)."""
    return any("prijs" in g.terms for g in assistant.read(question).groups)


def test_vragen_that_charges_a_price_stands_for_the_price(assistant):
    # "vragen" read as asking, a word of nearly every passage: refused at 0.46 and 0.61.
    for question in (
        "Ik heb echt geen idee wat ik moet vragen voor een grote gedraaide schaal. Hoe bepaal "
        "ik mijn prijs?",
        "Hoeveel moet ik vragen voor een schilderij? Ik heb daar echt geen gedacht van, ik wil "
        "ook nie te duur zijn want de mensen hier zijn zuinig.",
        "hoeveel moet ik vragen per uur als illustrator?",
    ):
        answer = assistant.ask(question)
        assert answer.answered and answer.passages[0].id == "prijszetting", question
    # Applying for support, claiming damages or asking someone is no price.
    for question in (
        "hoeveel subsidie kan ik vragen?",
        "hoeveel kan ik vragen bij het cultuurkrediet?",
        "hoeveel vergoeding mag ik vragen?",
        "wat moet ik vragen aan mijn boekhouder?",
        # (a reviewer's probe: "vragen" before a procedure's document is applying for it)
        "wat moet ik vragen voor een kunstwerkattest, welke bewijsstukken?",
    ):
        assert not _reads_a_price(assistant, question), question
    # A postcard is a thing to price.
    assert _reads_a_price(assistant, "hoeveel moet ik vragen voor een postkaart?")


def test_a_finite_vragen_after_hoeveel_or_wat_charges_too(assistant):
    # Without a modal "vragen" was read as asking: "hoeveel vraag ik voor een ring" charges.
    for question in (
        "hoeveel vraag ik voor een ring",
        "hoeveel vraagt een fotograaf per uur",
        "hoeveel vragen jullie voor een workshop",
        "wat vraag ik best voor een uur spelen op een trouw?",
        "wat vraag je per uur als illustrator",
    ):
        assert _reads_a_price(assistant, question), question
    # What the price is for, past a role ("ik als muzikant voor een optreden"), is a detail.
    groups = assistant.read("hoeveel vraag ik als muzikant voor een optreden").groups
    assert [g.made for g in groups if g.word == "optreden"] == [True]
    # The noun ("how much demand"), asking someone, and support stay what they were.
    for question in (
        "hoeveel vraag is er naar handgemaakte keramiek",
        "wat vraag ik aan mijn boekhouder",
        "wat vraag ik best aan de bank voor een lening",
        "hoeveel vraag ik voor een subsidie",
    ):
        assert not _reads_a_price(assistant, question), question


def test_buying_an_apartment_stays_outside(assistant):
    # "appartement" is a keyword of the unseizable home, and still a word of housing.
    answer = assistant.ask("ik wil een appartement kopen, hoeveel registratierechten betaal ik?")
    assert answer.outcome == "not_answered"


def test_an_accident_outside_work_stays_outside(assistant):
    # "ongeluk" is the passages' "ongeval", but a car's damage is no question of the domain.
    answer = assistant.ask("ik heb een ongeluk gehad met mijn auto, wie betaalt de schade?")
    assert answer.outcome == "not_answered"


def test_an_ep_is_a_recording(assistant):
    # "ep" weighed as an unknown word, the heaviest of a question about recording one.
    groups = assistant.read("we willen een ep opnemen").groups
    assert any("album" in g.alternatives for g in groups if g.word == "ep")


def test_plaster_and_only_are_no_injury(assistant):
    # "gips" is a sculptor's plaster as often as a cast, and "enkel" is also "only".
    for question in ("ik werk enkel met gips en brons", "ik verkoop enkel gebroken instrumenten"):
        assert not any(g.alternatives for g in assistant.read(question).groups)


def test_every_synonym_and_glossary_target_is_a_word_the_passages_use(assistant):
    # A target the index lacks stands in for nothing: after the "-heid" rule, the glossary's
    # "possibility: [mogelijkheid]" did (the passages say "mogelijk").
    analyzer, vocabulary = assistant.index.analyzer, assistant.index.vocabulary()
    corpus = load_corpus(bundled_corpus_dir())
    lacking = [
        (key, target)
        for words in (corpus.synonyms, corpus.english)
        for key, targets in words.items()
        for target in targets
        # (a question word's target, "much": "hoeveel", is a stopword: no term at all)
        if (terms := content_tokens(target))
        and not any(analyzer.stem(w) in vocabulary for w in terms)
    ]
    assert lacking == []


def test_coverage_is_high_for_a_domain_question_and_low_for_another_subject(assistant):
    good = assistant.search("wat is de winwinlening")[0]
    assert good.passage.id == "winwinlening" and good.coverage > 0.9
    other = assistant.search("beste pizzeria in antwerpen")
    assert not other or other[0].coverage < assistant.threshold


def test_title_and_example_questions_are_searchable(assistant):
    assert assistant.search("Creative Entrepreneurship Sessions")[0].passage.id == (
        "creative-entrepreneurship-sessions-2012"
    )


def test_python_dash_m_assistant_is_the_same_command():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "wat is screen flanders", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["passages"][0]["id"] == "screen-flanders"


# Conversations: follow-ups about the winwinlening and what stands on its own.


def test_a_short_follow_up_is_answered_about_the_topic(assistant):
    conversation = Conversation(assistant)
    assert conversation.ask("Wat is de winwinlening?").passages[0].id == "winwinlening"
    follow_up = conversation.ask("en hoeveel kan ik daarmee lenen?")
    assert follow_up.passages[0].id == "winwinlening"
    assert "300.000" in follow_up.passages[0].snippet
    assert any("Winwinlening" in n for n in follow_up.notices)
    assert follow_up.question == "en hoeveel kan ik daarmee lenen?"
    assert conversation.ask("wie regelt dat?").passages[0].id in {
        "winwinlening",
        "winwinlening-afsluiten",
        "pmv",
    }


def test_a_question_that_stands_on_its_own_starts_a_new_topic(assistant):
    conversation = Conversation(assistant)
    conversation.ask("Wat is de winwinlening?")
    answer = conversation.ask("Wat is Screen Flanders?")
    assert answer.passages[0].id == "screen-flanders"
    assert answer.notices == ()
    assert conversation.topic.question == "Wat is Screen Flanders?"


def test_an_unrelated_question_after_a_topic_is_not_bent_towards_it(assistant):
    conversation = Conversation(assistant)
    conversation.ask("Wat is de winwinlening?")
    weather = conversation.ask("wat voor weer wordt het morgen in gent")
    assert weather.outcome == "not_answered" and weather.notices == ()
    conversation.ask("Wat is de winwinlening?")
    other = conversation.ask("wat is het cultuurkrediet?")
    assert other.passages[0].id == "cultuurkrediet"
    assert not any("vervolg" in notice for notice in other.notices)


def test_smalltalk_in_a_conversation_keeps_the_topic(assistant):
    conversation = Conversation(assistant)
    conversation.ask("Wat is de winwinlening?")
    assert conversation.ask("bedankt!").outcome == "smalltalk"
    assert conversation.ask("en hoeveel kan ik daarmee lenen?").passages[0].id == "winwinlening"


# The curator report and the question log, with the passages they name.


def test_report_groups_unanswered_and_lists_dislikes_passages_and_days(two_day_log, assistant):
    report = build_report(
        two_day_log,
        assistant,
        since=dt.date(2026, 11, 1),
        today=dt.date(2026, 11, 26),
    )
    assert next((g.example, g.count) for g in report.unanswered) == (
        "recept voor stoofvlees met friet",
        2,
    )
    assert sum(g.count for g in report.unanswered) == 3
    [disliked] = report.disliked
    assert (disliked.question, disliked.passage_id, disliked.reason) == (
        "wat is vlaio",
        "vlaio",
        "verouderd",
    )
    assert disliked.title.startswith("VLAIO")
    returned = {"winwinlening", "vlaio"}
    assert not returned & {pid for pid, _ in report.never_returned}
    assert len(report.never_returned) > 100
    assert [(d.day, d.channel, d.questions, d.answered) for d in report.per_day] == [
        ("2026-11-20", "discord", 1, 1),
        ("2026-11-20", "telegram", 3, 0),
        ("2026-11-21", "cli", 1, 1),
    ]


def test_stale_passages_are_reported(tmp_path, assistant):
    store = Store.open(tmp_path / "log.db")
    today = dt.date(2026, 11, 30)
    report = build_report(store, assistant, since=dt.date(2026, 1, 1), today=today)
    stale = dict(report.stale)
    assert stale["gamefonds-2012"] == "2012-12-20"  # a historical passage, dated by its page
    assert "actieplan-ccs-2012" not in stale  # rests only on the shipped 2012 document
    age = {p.id: (today - parse_date(p.checked)).days for p in assistant.passages}
    assert all(age[pid] > 365 for pid in stale)
    recent = {pid for pid, days in age.items() if days <= 365}
    assert "kmo-portefeuille-aanvragen" in recent and not recent & set(stale)


def test_a_corrupt_file_gives_a_disabled_store_and_the_answer_still_arrives(
    tmp_path, monkeypatch, capsys
):
    path = tmp_path / "log.db"
    path.write_bytes(b"dit is geen database" * 100)
    store = Store.open(path)
    assert not store.enabled
    assert store.record_question("cli", None, unanswered()) is None
    monkeypatch.setenv("WEGWIJZER_DB", str(path))
    assert cli.main(["ask", "wat is de winwinlening"]) == 0
    assert "Winwinlening" in capsys.readouterr().out


def test_no_log_failure_of_any_kind_costs_the_answer(tmp_path, assistant, capsys, monkeypatch):
    store = Store.open(tmp_path / "log.db")
    surrogate = assistant.ask("winwinlening \udcff")
    assert store.record_question("cli", None, surrogate) is None  # logged as a warning
    assert store.record_feedback(10**30, True) is None
    monkeypatch.setenv("WEGWIJZER_DB", str(tmp_path / "cli.db"))
    assert cli.main(["ask", "winwinlening \udcff", "--top", "1"]) == 0
    assert "Winwinlening" in capsys.readouterr().out


@pytest.mark.parametrize(
    "question", [q for _, q in messages.TOPICS] + list(messages.DEFAULT_SUGGESTIONS)
)
def test_every_question_a_bot_offers_as_a_button_is_answered(assistant, question):
    """A topic or example question that the corpus cannot answer is a button to nowhere."""
    assert assistant.ask(question).answered


def test_words_asking_what_a_subject_is_for_leave_it_a_question_naming_only_the_subject(
    assistant,
):
    # "waarvoor" and "dient" name nothing: the question still names only the volgrecht, whose
    # overview answers it, not the rates.
    found = assistant.retrieve("Waarvoor dient het volgrecht?")
    assert [h.passage.id for h in found.hits[:2]] == ["volgrecht", "volgrecht-tarieven"]


def test_starting_ones_own_business_is_starting_as_a_zelfstandige(assistant):
    # "een eigen zaak" had been read as "zaak" alone (an onderneming): the startlening led.
    answer = assistant.ask("ik wil een eigen zaak starten")
    assert answer.answered and answer.passages[0].id == "starten-als-zelfstandige"


def test_where_to_find_subsidies_is_the_subsidy_database_not_one_citys_grant(assistant):
    # The Antwerp grants' variants hold "waar vind ik": the database's held only "project".
    answer = assistant.ask("waar vind ik subsidies voor mijn project")
    assert answer.answered and answer.passages[0].id == "vlaio-subsidiedatabank"


def test_the_drawbacks_of_a_bv_are_the_passage_on_what_to_watch_for(assistant):
    # "nadelen" stood only in a variant, and a variant's word no other field holds is dropped:
    # the question weighed it as an unknown word and was refused at 0.09.
    answer = assistant.ask("wat zijn de nadelen van een bv")
    assert answer.answered and answer.passages[0].id == "vennootschap-kunstenaar-let-op"


def test_how_to_contact_a_desk_is_its_contact_or_a_partial_answer(assistant):
    # "contacteer" was a word the corpus lacked, rare in Dutch: it weighed three quarters of
    # the question, which was refused.
    answer = assistant.ask("hoe contacteer ik het cultuurloket")
    assert answer.outcome == "answered"
    assert answer.passages[0].id == "cultuurloket"
    assert "contactformulier" in answer.passages[0].snippet
    # VLAIO's passage gives no way to reach it: said plainly, not another desk's form.
    answer = assistant.ask("hoe contacteer ik vlaio")
    assert answer.outcome == "partial"
    assert answer.passages[0].id == "vlaio"
    # And "contracteer" (to contract) is no typo of "contacteer".
    reading = assistant.read("en als ik via mijn bv contracteer?")
    assert "contract" in next(g for g in reading.groups if g.word == "contracteer").alternatives


@pytest.mark.parametrize("question", ["wat doet een sbk", "sbk", "What is an SBK?"])
def test_a_question_naming_an_acronym_gets_the_passage_the_acronym_abbreviates(assistant, question):
    # "Welke SBK's zijn er?" says nothing but "SBK" in its title, so it led, with a snippet
    # on what unions think of SBK's; "Sociaal Bureau voor Kunstenaars (SBK)" defines one.
    answer = assistant.ask(question)
    assert answer.answered and answer.passages[0].id == "sbk"


def test_an_acronym_in_a_title_abbreviates_it_only_by_its_initials(assistant):
    from assistant.core import _title_alias

    index = assistant.index
    assert _title_alias("Sociaal Bureau voor Kunstenaars (SBK)", index) == "sbk"
    assert _title_alias("Departement Cultuur, Jeugd en Media (CJM)", index) == "cjm"
    # The provider in parentheses is no name of the measure.
    assert _title_alias("Startlening (PMV)", index) is None
    assert _title_alias("Starterspakket Internationalisering (FIT)", index) is None
    assert _title_alias("Cultuurbank (2016)", index) is None


def test_who_helps_artists_in_general_is_not_the_desk_for_artists_from_outside_the_eu(assistant):
    # The passage on help with visas and permits had "hulp", "advies" and "contact" as
    # keywords: any question on help for artists led to it.
    answer = assistant.ask("who can help me with legal questions as an artist?")
    assert answer.answered and answer.passages[0].id == "cultuurloket"
    answer = assistant.ask("who helps foreign artists with a work permit?")
    assert answer.answered and answer.passages[0].id == "hulp-kunstenaars-buiten-eu"
    # Asked only as someone of the sector, with advice in general, the sector's desk leads:
    # the one most passages link to. The text of the desk for artists from outside the EU
    # says "kunstenaar", "terecht" and "vragen" too, and had led (0.80).
    for text in (
        "waar kan ik als kunstenaar terecht voor advies",
        "bij wie kan ik terecht met juridische vragen als kunstenaar?",
    ):
        answer = assistant.ask(text)
        assert answer.answered and answer.passages[0].id == "cultuurloket", text
    # Not when the question names the group or the subject, nor for the design sector's desk.
    answer = assistant.ask("wie helpt kunstenaars met een visum?")
    assert answer.passages[0].id == "hulp-kunstenaars-buiten-eu"
    assert assistant.ask("waar kan ik terecht als ontwerper?").passages[0].id == "flanders-dc"


def test_thanks_after_an_answer_get_no_passage(assistant):
    # "that helped" had got the passage on help after an infringement, answered; "dank je, nu
    # weet ik genoeg" the refusal's "Daar heb ik geen antwoord op".
    for thanks in ("thanks, that helped", "dank je, nu weet ik genoeg"):
        answer = assistant.ask(thanks)
        assert answer.outcome == "smalltalk" and not answer.passages


def test_the_glossary_and_synonyms_lead_to_todays_passages(assistant):
    # "visa" also stood for "kunstenaarsvisum", a visa abolished in 2023: "do I need a visa?"
    # showed the former artists' commission beside the work passage.
    answer = assistant.ask("do I need a visa?")
    assert not any(p.status == "historisch" for p in answer.passages)
    # Netherlands Dutch "sociale premie" is a social contribution, not a VAPZ premium.
    answer = assistant.ask("hoeveel sociale premie betaal ik als zelfstandige")
    assert answer.passages[0].id == "sociale-bijdragen-zelfstandige"
    # The formal "afnemers" of an FAQ page are the passages' "klanten".
    answer = assistant.ask("Welke afnemers moeten in de jaarlijkse klantenlisting?")
    assert answer.answered and answer.passages[0].id == "btw-klantenlisting"
    # "vanzelf" is the passages' "automatisch"; Netherlands Dutch "kosten opvoeren" is deducting.
    # (Answered at 0.67 until the word votes of 5 December 2026 spread "auteursrecht" over
    # the passages on its tax as well: 0.55, a near miss that offers the passage.)
    found = assistant.retrieve("Klopt het dat auteursrecht vanzelf ontstaat zonder registratie?")
    assert found.hits[0].passage.id == "auteursrecht"
    answer = assistant.ask("Mag mijn sponsor de sponsorbijdrage als kosten opvoeren?")
    assert answer.answered and answer.passages[0].id == "sponsoring-fiscaal"
    # Burned out ("uitgebrand") is no fire: not the bridging right, which names one.
    answer = assistant.ask("ik ben helemaal uitgebrand, krijg ik als zelfstandige een uitkering?")
    assert not answer.passages or answer.passages[0].id != "overbruggingsrecht"


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        # A common misspelling of "copyright"; "automatic" is the passages' "automatisch".
        ("is copywrite automatic in belgium", "auteursrecht"),
        # Technicians are the "technici" the performers' VAT rule leaves out.
        (
            "sound technician on a theatre tour, which VAT rate do I charge",
            "btw-uitvoerende-artiesten",
        ),
        # An "admin fee" is an "administratiekost" (Sabam's) or "beheerskosten".
        ("does the sabam admin fee differ for publishers", "sabam-kosten-lidmaatschap"),
        # "overgangsmaatregelen" are the "overgangsregeling"; to "aantonen" is to prove.
        (
            "mag ik de overgangsmaatregelen voor mijn auteursrechten nog toepassen",
            "auteursrechten-overgangsregeling-2023",
        ),
        ("hoe kan ik aantonen dat mijn scenario van mij is", "i-depot"),
        # Flemish "trimester" is the passages' "kwartaal" (refused at 0.06 without it).
        ("btw per trimester", "btw-aangifte-ritme"),
        # "protectable" is what a design must be to be "beschermd". Either passage on a
        # design's conditions answers it; the lamp (a thing the user makes, `CRAFTED`) no
        # longer tips it to the one whose example question protects a lamp.
        ("what makes a lamp protectable as a design", "niet-ingeschreven-gemeenschapsmodel"),
        # Stained-glass windows and garments are what the user makes (`CRAFTED`), their detail:
        # both had been refused (0.34) with the right passage first (bug bash 7).
        (
            "iemand heeft fotos van mijn glasramen op zijn site gezet zonder te vragen",
            "foto-gebruikt-zonder-toestemming",
        ),
        ("Hoe bereken ik een minimumprijs voor mijn kledingstukken?", "prijszetting"),
        # A band's or a DJ's name is protected as a trademark: refused at 0.24 with VI.BE
        # first ("dj" is its word), 0.51 with Sabam first, and 0.05.
        ("kan ik mijn dj naam laten beschermen", "benelux-merk"),
        ("kan ik mijn bandnaam beschermen", "benelux-merk"),
        ("hoe bescherm ik mijn dj-naam", "benelux-merk"),
        # Juist is Juist's agreements are the sector's guideline for fees ("richtlijn" was a
        # word no passage knew: refused at 0.63), and a workshop that burns down stops the work
        # as the bridging right's fire does (refused at 0.11, the winwinlening first).
        ("Bestaat er een richtlijn voor een minimumhonorarium in de kunsten?", "juist-is-juist"),
        ("mijn atelier afbrandt, krijg ik dan iets als zelfstandige?", "overbruggingsrecht"),
        # Juist is Juist gives the minimum fee as a multiple of a wage ("maal 1,46"): a
        # figure that answers it, where a partial answer had said the amount was missing.
        ("is there a guideline for the minimum fee of a freelance dancer?", "juist-is-juist"),
    ],
)
def test_everyday_words_reach_the_passage_in_its_own_words(assistant, question, passage):
    answer = assistant.ask(question)
    assert answer.answered and answer.passages[0].id == passage


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        # A performer invoices under the name they perform under: no trademark question (a
        # review's probes; "artiestennaam" as "merk" had answered it at 0.96).
        ("Mag ik factureren onder mijn artiestennaam?", "benelux-merk"),
        ("what name should I put on my invoice, my real name or my stage name?", "benelux-merk"),
        # "richtlijn" is a fee guideline, but an EU directive is not Juist is Juist's (0.80).
        ("geldt de nieuwe EU-richtlijn over platformwerk voor mij?", "juist-is-juist"),
    ],
)
def test_a_word_read_for_one_sense_does_not_answer_its_other(assistant, question, passage):
    answer = assistant.ask(question)
    assert not (answer.answered and answer.passages[0].id == passage)


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        # "TVA" had vanished from the question (corrected to a function word), and "cession"
        # had become "session", a historical passage's word (0.92).
        ("Welke TVA op een cession van auteursrechten?", "btw-auteursrechten"),
        ("Hoeveel kost een marque déposée bij het BOIP?", "benelux-merk"),
        (
            "Hoeveel cotisations sociales betaal ik als zelfstandige in hoofdberoep?",
            "sociale-bijdragen-zelfstandige",
        ),
        ("Ik wil indépendant complémentaire worden naast mijn job als bediende", "bijberoep"),
        ("Is er un prêt voor starters?", "startlening"),  # "prêt" alone is Dutch "pret"
        # More of them, from a Brussels milliner (the fourteenth bug bash): refused at
        # 0.02, 0.37 and 0.11.
        ("ik wil beginnen als indépendante, wat moet ik doen eerst?", "starten-als-zelfstandige"),
        (
            "beter een eenmanszaak of een SRL (BV)? voor de risico",
            "eenmanszaak-of-bv-aansprakelijkheid",
        ),
        ("wat is de VAPZ? mijn comptable spreekt over dat", "vapz"),
    ],
)
def test_french_words_in_a_dutch_question_are_read(assistant, question, passage):
    answer = assistant.ask(question)
    assert answer.answered and answer.passages[0].id == passage


def test_french_words_that_are_dutch_words_keep_their_dutch_meaning(assistant):
    # "prêt" folds to Dutch "pret" (fun), "complémentaire" to "complementaire".
    (fun,) = [g for g in assistant.analyse("ik doe dit voor de pret") if g.word == "pret"]
    assert "leen" not in fun.terms
    (extra,) = [g for g in assistant.analyse("complementaire steun") if g.word.startswith("comp")]
    assert "bijberoep" not in extra.terms


def test_the_kind_of_thing_sold_is_what_a_vat_question_asks(assistant):
    """Ceramics are a maker's detail, except where VAT depends on them: "valt keramiek onder
    het verlaagde btw-tarief?" had got the VAT on author's rights (0.94). The passage on VAT
    names ceramics, not vases: those stay the user's own work."""
    ceramics = "Valt keramiek onder het verlaagde btw-tarief van 6%?"
    assert not any(g.made for g in assistant.read(ceramics).groups)
    answer = assistant.ask(ceramics)
    assert answer.answered and answer.passages[0].id == "btw-kunstwerken"
    vases = "Geldt 6% btw voor mijn unieke vazen?"
    assert [g.word for g in assistant.read(vases).groups if g.made] == ["vazen"]
    answer = assistant.ask(vases)
    assert answer.answered and answer.passages[0].id == "btw-kunstwerken"


def test_a_volunteer_allowance_is_no_amateur_arts_allowance(assistant):
    """Two regimes: a volunteer's allowance is not the AKV, whose amounts had been given to
    "Hoeveel mag een vrijwilliger ... als vrijwilligersvergoeding?" (0.67). Refused until the
    volunteer allowance got a passage of its own (6 December 2026); now that one answers."""
    question = "Hoeveel mag een vrijwilliger in onze vzw krijgen als vrijwilligersvergoeding?"
    answer = assistant.ask(question)
    assert answer.answered and answer.passages[0].id == "vrijwilligersvergoeding"


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        # Paying a loan off over years is its term ("looptijd").
        ("over hoeveel jaar mag ik een cultuurkrediet afbetalen", "cultuurkrediet"),
        # Flemish "intrest" and "interest" are the passages' "rente".
        ("cultuurkrediet interest?", "cultuurkrediet"),
        ("cultuurkrediet intrest?", "cultuurkrediet"),
        # An FAQ page's "vereisten" are the passages' "voorwaarden"; a "gemeentelijke"
        # subsidy is the municipality's; a "debuterende" artist makes a debut.
        ("Welke vereisten kent merkregistratie Benelux?", "benelux-merk"),
        ("gemeentelijke subsidie kunstenaar, waar moet ik zijn?", "lokale-cultuursubsidies"),
        ("subsidie voor een debuterende kunstenaar in brussel", "vgc-kunstsubsidies"),
        # "checken" is "nagaan"; invoicing ("factureren") is about the "factuur".
        ("waar kan ik checken of een merk echt geregistreerd is", "merk-r-teken"),
        ("sponsering factureren met of zonder btw", "sponsoring-fiscaal"),
        # What was copied ("gekopieerd") is "namaak"; a "gesubsidieerd" project a subsidy's.
        (
            "mijn modecollectie is gekopieerd maar ik heb niks geregistreerd",
            "niet-ingeschreven-gemeenschapsmodel",
        ),
        (
            "moet ik na mijn gesubsidieerd project nog een verantwoording indienen",
            "kiosk-aanvragen",
        ),
        # Flemish "misloopt" is going bankrupt; "gejat" is taken without permission.
        (
            "zit ik met een eenmanszaak persoonlijk in de problemen als het misloopt",
            "eenmanszaak-of-bv-aansprakelijkheid",
        ),
        (
            "iemand heeft mijn foto's gejat voor zijn website, wat nu",
            "inbreuk-auteursrecht-stappen",
        ),
        # A studio "afgebrand" (burned down) had a fire ("brand").
        (
            "ons atelier is volledig afgebrand, is er een uitkering voor zelfstandigen?",
            "overbruggingsrecht",
        ),
        # English: "deadline" had only itself, which no passage uses ("termijn"), and "file"
        # nothing at all.
        ("what is the deadline for the tax shelter control file", "tax-shelter-procedure"),
        # "writing" was only "schriftelijk" (in writing), not "schrijven".
        ("is there a grant to finish writing a novel", "werkbeurs-auteurs"),
        # "funding" was only "financiering"; the passages speak of "steun" and "subsidie".
        ("is there funding for translating a novel from dutch", "vertalers-nederlands"),
        # To object to a trademark is the opposition procedure.
        ("a trademark like mine was just filed, can I object", "merk-oppositie"),
        # A company that fails had no entry at all.
        ("bridging right when my company fails", "overbruggingsrecht"),
        # A membership ("lidmaatschap") is being a member ("lid"); money put into a pension
        # ("inleggen") is paid in ("storten"), not a typo of "inloggen" (log in).
        ("Wat kost lidmaatschap van SOFAM?", "sofam"),
        ("hoeveel mag ik inleggen in een VAPZ?", "vapz"),
        # Starting as a "freelancer" is starting as a zelfstandige: the passages that say
        # "freelancer" (a professional card for non-EU artists) had led.
        ("How do I start as a freelancer in Belgium?", "starten-als-zelfstandige"),
        # "btw rekenen" is charging VAT ("aanrekenen"), not only a price.
        ("ik ben acteur, moet ik btw rekenen?", "btw-uitvoerende-artiesten"),
        # Going to court ("rechtbank") over an infringement is the action to stop it: the
        # word was one of a subject outside the domain (justice).
        (
            "moet ik naar de rechtbank bij een inbreuk op mijn auteursrecht?",
            "stakingsvordering-auteursrecht",
        ),
        # What one "riskeert" is a risk ("risico"), a "salaris" is pay ("loon"), and the
        # English words creatives use in Dutch are the passages' words ("tracks", "client",
        # "invoice"): each had weighed as a word no passage holds, and all were refused.
        (
            "als mijn fotozaak in de problemen komt, riskeer ik dan mijn spaargeld?",
            "eenmanszaak-of-bv-aansprakelijkheid",
        ),
        (
            "moet ik mezelf een salaris betalen uit mijn bv?",
            "belasting-eenmanszaak-of-vennootschap",
        ),
        ("ik maak eigen tracks, krijg ik geld als ze op de radio komen?", "sabam"),
        (
            "mijn client in Nederland is een bedrijf, moet ik btw op mijn invoice zetten?",
            "btw-buitenlandse-klanten",
        ),
    ],
)
def test_words_people_type_are_read_as_the_passages_words(assistant, question, passage):
    answer = assistant.ask(question)
    assert answer.outcome == "answered"
    assert answer.passages[0].id == passage


def test_a_private_person_is_the_passages_particulier(assistant):
    # Answered until the word votes of 5 December 2026, which give "website" and "ontwerp" to
    # the web designer's other subjects: 0.59, a near miss that offers the passage.
    question = "ik ontwerp een website voor een privépersoon in spanje, belgische btw of niet"
    assert assistant.terms("particulier")[0] in {
        t for g in assistant.read(question).groups for t in g.terms
    }
    assert assistant.retrieve(question).hits[0].passage.id == "btw-buitenlandse-klanten"


def test_recovering_vat_is_deducting_it(assistant):
    # Flemish "btw recupereren" is the passages' "aftrekken".
    groups = {g.word: g for g in assistant.read("kan ik de btw recupereren").groups}
    assert assistant.terms("aftrekken")[0] in groups["recupereren"].alternatives


def test_a_country_in_an_english_question_is_abroad(assistant):
    groups = {g.word: g for g in assistant.read("my client in germany is a company").groups}
    assert assistant.terms("buitenland")[0] in groups["germany"].alternatives


def test_an_english_word_is_not_read_as_the_dutch_word_its_stem_makes(assistant):
    # "less" stemmed as Dutch is "les" (lesson) and led "can i pay less vat if my income is
    # small" to the VAT on lessons. Its meaning is the glossary's; a Dutch question keeps its
    # "les".
    def terms(question):
        return {t for g in assistant.read(question).groups for t in g.terms}

    lesson = assistant.terms("les")[0]
    assert lesson not in terms("can i pay less vat if my income is small")
    assert assistant.terms("minder")[0] in terms("can i pay less vat if my income is small")
    assert lesson in terms("hoeveel btw op een les keramiek")


def test_english_filler_words_are_no_words_of_the_question(assistant):
    # "says" and "roughly" were unknown words and weighed as the user's own details.
    words = [g.word for g in assistant.read("my accountant says I put roughly this").groups]
    assert words == ["accountant"]


def test_the_minimum_social_contribution_is_the_minimumbijdrage(assistant):
    groups = assistant.read("hoeveel is de minimum sociale bijdrage").groups
    assert assistant.terms("minimumbijdrage")[0] in groups[0].alternatives


def test_an_english_gloss_keeps_to_the_sense_the_passages_mean(assistant):
    # "fails" alone is no bankruptcy; "deadline" is no "uiterlijk" (also: a design's
    # appearance), which sent a deadline question to the model passage at 0.90.
    answer = assistant.ask("what if my application fails")
    assert not answer.passages or answer.passages[0].id != "overbruggingsrecht"
    # (With the word votes of 5 December 2026 it was answered, with registering a design; with
    # the neighbours that day, whose likest is the grace period after showing a design, it is
    # a partial answer on the design's requirements, which give no deadline.)
    answer = assistant.ask("is there a deadline to register my design")
    appearance = assistant.terms("uiterlijk")[0]
    assert appearance not in {t for g in assistant.read(answer.question).groups for t in g.terms}
    assert answer.outcome == "partial"
    assert answer.passages[0].id == "model-nieuw-eigen-karakter"


@pytest.mark.parametrize(
    ("question", "expected", "floor"),
    [
        ("which themes qualify for the sme growth subsidy?", "kmo-groeisubsidie", 0.9),
        ("who supervises crowdfunding platforms in belgium?", "crowdfunding", 0.9),
        ("can I add products to my trademark later?", "merk-klassen", 0.9),
        ("how long do I have to spend the tax shelter money?", "tax-shelter-audiovisueel", 0.62),
    ],
)
def test_common_english_verbs_and_nouns_have_their_dutch_words(
    assistant, question, expected, floor
):
    # "themes", "supervises", "add" and "spend" were words the corpus lacks, weighed as a
    # user's own details: the last was refused (0.37), the others answered at 0.64 to 0.83.
    answer = assistant.ask(question)
    assert answer.answered and answer.passages[0].id == expected
    assert answer.confidence >= floor


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Do I have to send a copy of my book to the Royal Library?", "wettelijk-depot"),
        (
            "Our record label wants me to sign over all my rights forever. Is that normal?",
            "auteursrechten-overdragen",
        ),
        ("working with a SBK how much do they take a cut", "sbk-kosten"),
        ("my drawing classes for kids on saturday, are they vat exempt?", "btw-lessen"),
        ("do i charge vat on dance classes i teach in a studio", "btw-lessen"),
        # ("artist visa" is a visa to a maker from abroad, the Belgian one that ended in 2024
        # only as such)
        (
            "artist visa for my dancer friend from kenya who performs in antwerp",
            ("derdelander-werken-in-belgie", "visum-kort-verblijf-kunstenaar"),
        ),
        ("does the belgian artist visa still exist", "commissie-kunstenaars"),
    ],
)
def test_english_phrases_for_sharing_giving_up_and_depositing_have_their_dutch_words(
    assistant, question, expected
):
    # "co-wrote", "sign over", "royal library", "copy of my book" and "take a cut" had no
    # Dutch words of their sense ("sign" is "tekenen", "copy" "namaak", "take" "nemen"):
    # each was refused (0.20 to 0.43), though its passage ranked first in all but one.
    # "classes" were only a trademark's (0.29 and 0.55 with the passage on lessons first).
    answer = assistant.ask(question)
    acceptable = expected if isinstance(expected, tuple) else (expected,)
    assert answer.answered and answer.passages[0].id in acceptable


def test_a_co_written_song_is_read_as_written_together(assistant):
    # "co-wrote" as "samen" and "schrijven" led the passage on co-authors first, answered at
    # 0.66; since the practice questions of 8 December 2026 its word votes are a little
    # more spread (0.89 to 0.82) and it is refused at 0.63 with that passage still first: a
    # loss the evaluation history lists. The reading and the ranking still hold.
    question = "I co-wrote a song with a friend, who owns the copyright?"
    stem = assistant.index.analyzer.stem
    terms = {t for g in assistant.read(question).groups for t in g.terms}
    assert {stem("samen"), stem("schrijven")} <= terms
    assert assistant.retrieve(question).hits[0].passage.id == "mede-auteurs"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("moet ik btw aanrekenen op mijn optredens als jongleur", "btw-uitvoerende-artiesten"),
        ("moet ik btw aanrekenen op mijn opnames als voice-over", "btw-uitvoerende-artiesten"),
        ("moet ik als dj btw aanrekenen?", "btw-uitvoerende-artiesten"),
        ("kan ik als acrobaat een kunstwerkattest krijgen", "kunstwerkattest"),
        ("een bedrijf wil mijn tentoonstelling sponseren, wat met de btw", "sponsoring-fiscaal"),
        ("de bib vraagt me voor een lezing, krijg ik daar een vergoeding voor?", "auteurslezingen"),
        ("do I have to charge VAT on my shows as a juggler?", "btw-uitvoerende-artiesten"),
        ("I'm a voice actor, do I charge VAT on my recordings?", "btw-uitvoerende-artiesten"),
        (
            "wat als er iemand gewond raakt op een feest waar ik draai, ben ik dan aansprakelijk?",
            "beroepsaansprakelijkheid",
        ),
        ("wanneer moet ik de btw verleggen", "btw-buitenlandse-klanten"),
        ("hoe ga ik een onbetaalde factuur incasseren?", "onbetaalde-factuur"),
        ("hoeveel exemplaren moet ik inleveren bij KBR?", "wettelijk-depot"),
        ("mijn lief wil meewerken in mijn eenmanszaak", "meewerkende-echtgenoot"),
        (
            "next year I want to go full time freelance, what changes for my social contributions?",
            "sociale-bijdragen-zelfstandige",
        ),
        (
            "US versus Belgium: where do I pay tax on royalties from an American label?",
            "belasting-buitenlandse-inkomsten",
        ),
        # A probing helper's Flemish chat and FAQ headings (7 December 2026, sixth session).
        ("ik componeer muziek voor games, moet ik bij sabam?", "sabam-lid-worden"),
        ("Ondersteuning van podcasts", "vaf-mediafonds"),
        ("Bewijsvoering bij inbreuk op het auteursrecht", "inbreuk-bewijs-verzamelen"),
        ("Aftrekbare beroepskosten", "beroepskosten-zelfstandige"),
        ("Handelsnaam versus merk", "vennootschapsnaam-handelsnaam-merk"),
        ("hoeveel btw moet-ek zetten op mijn schilderijen", "btw-kunstwerken"),
        ("ik wil een merk registreren voor gans europa", "eu-merk-model"),
        ("ambetant, een klant betaalt mijn factuur niet, wat nu", "onbetaalde-factuur"),
        ("kan ik een startlening nog op papier binnensteken", "startlening-aanvragen"),
    ],
)
def test_a_trade_or_an_everyday_spelling_stands_for_the_passages_word(
    assistant, question, expected
):
    # A trade the passages name by its role ("artiest"), "sponseren" and "bib" were words
    # the corpus lacks, weighed as the user's own details: refused at 0.11 to 0.61 with the
    # right passage first ("... als muzikant" was answered at 0.93). "gewond" stemmed to
    # "won", as if a participle (0.06); "verleggen" to "verleg", which the passages' "verlegd"
    # is not (0.20, with the invoice's mentions first). "incasseren", "inleveren", "mijn lief",
    # "full time" (unhyphenated) and "versus" were words no passage holds: refused at 0.39 to
    # 0.62 with the right passage first; so were a heading's "ondersteuning", "bewijsvoering",
    # "aftrekbare", a chat's "moet-ek", "ambetant", "gans", "binnensteken" (0.07 to 0.54).
    answer = assistant.ask(question)
    assert answer.answered and answer.passages[0].id == expected


def test_which_ones_is_no_question_of_its_own_but_points_back(assistant):
    # "ones" was no English stopword though "one" is: "which ones are there?" got the EU
    # distance sales' VAT at 0.82 ("ones" stemmed to "on").
    assert not assistant.ask("which ones are there?").answered
    # As a stopword alone it lost the reference back: "which ones are for prototypes?" after
    # the game developers' subsidies got the i-DEPOT for a prototype at 0.94.
    conversation = Conversation(assistant)
    conversation.ask("What subsidies exist for game developers?")
    answer = conversation.ask("which ones are for prototypes?")
    assert answer.answered and answer.passages[0].id == "vaf-gamefonds"


def test_a_facet_that_holds_the_asked_share_is_no_missing_fact_of_its_overview(assistant):
    # The SBK's costs give its commission (8%, Smart 6,5%); without its overview named, the
    # SBK's overview led instead, partial: "Welk percentage ..., staat niet in de kennisbank".
    answer = assistant.ask("hoeveel procent houdt een sbk in")
    assert answer.outcome != "partial"
    assert "hoeveel houdt een sbk af van mijn gage" in answer.suggestions


def test_an_english_insurance_is_no_social_insurance_fund(assistant):
    # "insurance" also stood for "verzekeringsfonds": a freelancer asking about insurance got
    # the social insurance fund, where contributions are paid.
    answer = assistant.ask("Do I need insurance as a freelance designer?")
    assert answer.answered and answer.passages[0].id == "beroepsaansprakelijkheid"
    # The fund itself is still found by its own name.
    answer = assistant.ask("which social insurance fund should I join as a freelancer?")
    assert answer.passages and answer.passages[0].id == "sociaal-verzekeringsfonds"


def test_a_signed_print_in_a_small_edition_is_a_work_of_art_for_vat(assistant):
    # The passage lists original prints and signed, numbered photographs, but no word of
    # its metadata said "print" or "oplage": these were refused at 0.33 to 0.47.
    for question in (
        "welke btw op een gesigneerde print in een oplage van 10",
        "ik verkoop genummerde en gesigneerde fotoprints in een oplage van 50 stuks, mag ik "
        "daar 6% btw op rekenen",
    ):
        answer = assistant.ask(question)
        assert answer.answered and answer.passages[0].id == "btw-kunstwerken", question


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Asked by five personas of the bug bashes, each answered with the primostarter
        # (whose variants ask about earning little in the first year as a starter).
        (
            "moet ik in bijberoep ook sociale bijdragen betalen als ik er heel weinig mee verdien",
            "bijberoep",
        ),
        # The flat rate, not the rules for real costs, nor the flat rate on author's rights.
        (
            "mag ik gewoon een forfait aftrekken zonder al mijn bonnetjes bij te houden",
            "forfaitaire-beroepskosten-zelfstandige",
        ),
        # What goes into the plan, not the plan's role when founding a BV.
        (
            "wat moet er allemaal in zo een financieel plan als ik een bv opricht",
            "financieel-plan-inhoud",
        ),
        # Objecting to a look-alike mark, not registering one's own.
        (
            "een ander bedrijf wil een merk registreren dat bijna gelijk is aan het mijne, wat kan "
            "ik doen",
            "merk-oppositie",
        ),
        # The interest-free loan is Kunst Aan Zet's; two of its questions stood in Kunst in
        # Huis's variants, which answered them with the art library at 0.96.
        (
            "bestaat er een regeling waarbij kopers renteloos kunnen lenen om kunst te kopen",
            "kunst-aan-zet",
        ),
    ],
)
def test_a_question_goes_to_the_passage_that_answers_it_not_to_its_neighbour(
    assistant, question, expected
):
    answer = assistant.ask(question)
    assert answer.passages and answer.passages[0].id == expected, answer.passages[:1]


def test_the_hub_of_who_helps_with_papers_leads_only_when_who_helps_is_asked(assistant):
    # "Wie helpt bij visum, werkvergunning of beroepskaart voor kunstenaars?" names all the
    # papers in its title: it had led "does she need a work permit too?" (0.99), where the
    # passages on the papers answer, and lost "who helps ...?" to a passage on a visa.
    conversation = Conversation(assistant)
    conversation.ask(
        "ik wil een Chileense schilder uitnodigen voor een residentie van een maand, heeft ze "
        "een visum nodig?"
    )
    answer = conversation.ask(
        "Heeft ze dan ook een werkvergunning nodig? Ze blijft maar een maand en geeft één workshop"
    )
    assert answer.answered
    assert answer.passages[0].id != "hulp-kunstenaars-buiten-eu"
    answer = assistant.ask("wie helpt artiesten van buiten de eu met hun papieren")
    assert answer.passages[0].id == "hulp-kunstenaars-buiten-eu"
    answer = assistant.ask("bij wie kan ik terecht met vragen over een visum voor een kunstenaar?")
    assert answer.passages[0].id == "hulp-kunstenaars-buiten-eu"
    # (From a review.) Unasked, it still leads what only its text names.
    answer = assistant.ask("vreemdelingenrecht.be, wat is dat?")
    assert answer.passages[0].id == "hulp-kunstenaars-buiten-eu"
    # Not for an everyday word only its text happens to say ("uitnodigen").
    answer = assistant.ask(
        "moeten organisaties die buitenlandse artiesten uitnodigen een arbeidskaart aanvragen?"
    )
    assert answer.passages[0].id != "hulp-kunstenaars-buiten-eu"


def test_vat_asked_after_the_tax_on_authors_rights_is_vat_on_authors_rights(assistant):
    # Its passage said "reken je 6% btw aan", which the index does not join: asked with
    # "aanrekenen", only the title "Btw aanrekenen aan buitenlandse klanten" held the verb.
    # (Now first, 0.54 from 0.47: what it is about, its title, names half of the question.)
    found = assistant.retrieve("moet ik btw aanrekenen op auteursrechten?")
    assert found.hits[0].passage.id == "btw-auteursrechten"
    # The two passages on author's rights are related: "en moet ik daar btw op aanrekenen?"
    # had got the VAT for foreign clients (0.88), read on its own.
    conversation = Conversation(assistant)
    conversation.ask(
        "een gezelschap in Antwerpen wil een oud stuk van mij hernemen en betaalt me daarvoor "
        "auteursrechten. wordt dat belast aan die 15%?"
    )
    answer = conversation.ask("en moet ik daar btw op aanrekenen?")
    assert answer.outcome == "answered"
    assert answer.passages[0].id == "btw-auteursrechten"
