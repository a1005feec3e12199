import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.corpus import CorpusError, load_corpus
from tests.conftest import passage, write_corpus


def _problems(root) -> list[str]:
    with pytest.raises(CorpusError) as info:
        load_corpus(root)
    return [str(p) for p in info.value.problems]


def test_valid_corpus_loads(tmp_path):
    root = write_corpus(tmp_path, {"a.yaml": [passage("een"), passage("twee", related=["een"])]})
    corpus = load_corpus(root)
    assert [p.id for p in corpus.passages] == ["een", "twee"]
    assert corpus.by_id()["twee"].related == ("een",)
    assert corpus.synonyms == {"patent": ("octrooi",)}


def test_every_problem_is_reported_at_once_with_file_id_and_field(tmp_path):
    bad_source = passage("drie")["source"] | {"url": "http://example.org"}
    root = write_corpus(
        tmp_path,
        {
            "map/a.yaml": [
                passage("een", colour="rood"),
                passage("twee", checked="gisteren"),
                passage("drie", source=bad_source),
                passage("een"),
            ],
            "b.yaml": [passage("vier", status="historisch"), passage("vijf", related=["nergens"])],
        },
    )
    problems = _problems(root)
    assert "map/a.yaml: een: colour: unknown field" in problems
    assert any(p.startswith("map/a.yaml: twee: checked: must be an ISO date") for p in problems)
    assert any(p.startswith("map/a.yaml: drie: source.url: must be an https URL") for p in problems)
    assert any(p.startswith("map/a.yaml: een: id: duplicate id") for p in problems)
    assert any(p.startswith("b.yaml: vier: superseded_by:") for p in problems)
    assert "b.yaml: vijf: related: unknown passage 'nergens'" in problems


def test_an_overview_names_another_current_passage_that_is_no_facet_itself(tmp_path):
    root = write_corpus(
        tmp_path,
        {"a.yaml": [passage("kaart"), passage("kaart-aanvragen-hernieuwen", overview="kaart")]},
    )
    assert load_corpus(root).by_id()["kaart-aanvragen-hernieuwen"].overview == "kaart"
    historical = passage("oud", status="historisch", superseded_by="een")
    root = write_corpus(
        tmp_path / "bad",
        {
            "a.yaml": [
                passage("een"),
                passage("twee", overview="een"),
                passage("drie", overview="twee"),
                passage("vier", overview="vier"),
                passage("vijf", overview="nergens"),
                passage("zes", overview=["een"]),
                historical,
                passage("zeven", overview="oud"),
            ]
        },
    )
    problems = _problems(root)
    assert "a.yaml: drie: overview: twee is a facet itself (of een); name its overview" in problems
    assert "a.yaml: vier: overview: refers to itself" in problems
    assert "a.yaml: vijf: overview: unknown passage 'nergens'" in problems
    assert "a.yaml: zes: overview: must be a passage id" in problems
    assert any(p.startswith("a.yaml: zeven: overview: a historical passage") for p in problems)
    assert not any(p.startswith("a.yaml: twee:") for p in problems)


def test_missing_field_and_single_question_are_named(tmp_path):
    data = passage("een", questions=["maar één vraag"])
    del data["title"]
    problems = _problems(write_corpus(tmp_path, {"a.yaml": [data]}))
    assert "a.yaml: een: title: missing field" in problems
    assert "a.yaml: een: questions: give at least 2 example questions" in problems


def test_variants_are_an_optional_list_of_texts(tmp_path):
    root = write_corpus(
        tmp_path,
        {
            "a.yaml": [
                passage("een", variants=["kheb geld nodig", "lenen bij familie"]),
                passage("twee"),
            ]
        },
    )
    corpus = load_corpus(root)
    assert corpus.by_id()["een"].variants == ("kheb geld nodig", "lenen bij familie")
    assert corpus.by_id()["een"].wordings[-1] == "lenen bij familie"
    assert corpus.by_id()["twee"].variants == ()
    bad = write_corpus(tmp_path / "bad", {"a.yaml": [passage("een", variants="geen lijst")]})
    assert "a.yaml: een: variants: must be a list of non-empty texts" in _problems(bad)


def test_dangling_superseded_by_is_reported(tmp_path):
    root = write_corpus(
        tmp_path, {"a.yaml": [passage("oud", status="historisch", superseded_by="nieuw")]}
    )
    assert "a.yaml: oud: superseded_by: unknown passage 'nieuw'" in _problems(root)


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    root = write_corpus(
        tmp_path,
        {
            "ok.yaml": [passage("een")],
            "kapot.yaml": "- id: x\n  title: [niet gesloten\n  kind: y\n",
        },
    )
    problems = _problems(root)
    assert len(problems) == 1
    assert problems[0].startswith("kapot.yaml: -: yaml: syntax error at line ")


def test_unknown_source_document_is_reported(tmp_path):
    source = {
        "title": "Antwoord",
        "publisher": "Vlaamse Regering",
        "date": "2012",
        "document": "bestaat-niet",
    }
    problems = _problems(write_corpus(tmp_path, {"a.yaml": [passage("een", source=source)]}))
    assert any("source.document: unknown document 'bestaat-niet'" in p for p in problems)


def test_stale_checked_date_and_long_text_are_warnings_not_errors(tmp_path):
    root = write_corpus(
        tmp_path,
        {
            "a.yaml": [
                passage("oud", checked="2020-01-01"),
                passage("lang", text="woord " * 200),
            ]
        },
    )
    corpus = load_corpus(root, today=dt.date(2026, 11, 26))
    warnings = [str(w) for w in corpus.warnings]
    assert any(w.startswith("a.yaml: oud: checked: last checked 2020-01-01") for w in warnings)
    assert any(w.startswith("a.yaml: lang: text: 200 words") for w in warnings)


def test_a_passage_checked_before_its_sources_date_is_a_warning(tmp_path):
    # "nagekeken 2022-12-30" had stood under 2024's figures, taken from a page of 2024.
    root = write_corpus(
        tmp_path,
        {
            "a.yaml": [
                passage("vroeg", checked="2024-06-01"),  # the source is of 2024-12
                passage("zelfde", checked="2024"),  # as precise as both: not before
                passage("later", checked="2025-01-15"),
            ]
        },
    )
    warnings = [str(w) for w in load_corpus(root).warnings if "before the date" in str(w)]
    assert warnings == [
        "a.yaml: vroeg: checked: checked 2024-06-01, before the date of its source "
        "'Winwinlening' (2024-12): set it to when the facts were compared with that page"
    ]


def test_missing_directory_is_a_corpus_error(tmp_path):
    assert "does not exist" in _problems(tmp_path / "nope")[0]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=400))
def test_any_file_content_is_a_corpus_error_or_a_corpus(tmp_path_factory, content):
    root = write_corpus(
        tmp_path_factory.mktemp("c"), {"a.yaml": [passage("een")], "b.yaml": content}
    )
    try:
        load_corpus(root)
    except CorpusError as exc:
        assert all(str(p).count(": ") >= 3 for p in exc.problems)


def _register(root, entries) -> None:
    import yaml

    (root / "bronnen.yaml").write_text(yaml.safe_dump(entries, allow_unicode=True), "utf-8")


PMV = {
    "id": "pmv-winwinlening",
    "title": "Winwinlening",
    "publisher": "PMV",
    "url": "https://www.pmv.eu/product/winwinlening/",
    "date": "2024-12",
    "compared": "2026-01-15",
}


def test_a_passage_cites_register_ids_and_takes_its_source_from_there(tmp_path):
    root = write_corpus(tmp_path, {"a.yaml": [passage("een", source=["pmv-winwinlening"])]})
    _register(root, [PMV])
    corpus = load_corpus(root)
    [one] = corpus.passages
    assert one.sources == ("pmv-winwinlening",)
    assert one.source.url == PMV["url"] and one.source.date == "2024-12"


def test_register_problems_are_named_with_the_entry_and_the_field(tmp_path):
    bad = [
        {**PMV, "id": "een", "url": "http://example.org"},
        {**PMV, "id": "twee", "title": ""},
        {"id": "drie", "title": "T", "publisher": "P", "date": "2024", "file": "../../etc/passwd"},
    ]
    root = write_corpus(tmp_path, {"a.yaml": [passage("x", source="bestaat-niet")]})
    _register(root, bad)
    problems = _problems(root)
    assert "bronnen.yaml: een: url: must be an https URL; got 'http://example.org'" in problems
    assert "bronnen.yaml: twee: title: missing field" in problems
    assert "bronnen.yaml: drie: file: must name a file inside the corpus folder" in problems
    assert "a.yaml: x: source: unknown source 'bestaat-niet' (see bronnen.yaml)" in problems


def test_uncited_and_stale_sources_and_inline_sources_are_warnings(tmp_path):
    passages = [passage("een", source="pmv-winwinlening"), passage("twee")]
    passages.append(passage("drie", source="oud"))
    root = write_corpus(tmp_path, {"a.yaml": passages})
    old = {**PMV, "id": "oud", "compared": "2024-01-01"}
    _register(root, [PMV, old, {**old, "id": "ongebruikt"}])
    warnings = [str(w) for w in load_corpus(root, today=dt.date(2026, 11, 30)).warnings]
    assert "bronnen.yaml: ongebruikt: -: no passage cites or links this source" in warnings
    assert any(w.startswith("bronnen.yaml: oud: compared: last compared") for w in warnings)
    assert (
        "a.yaml: twee: source: an inline source; cite an entry of bronnen.yaml instead" in warnings
    )
    assert not any("pmv-winwinlening" in w for w in warnings)


def test_a_link_names_a_register_entry_which_may_be_undated_and_needs_no_comparison(tmp_path):
    form = {"id": "formulier", "title": "Aanvraag", "publisher": "PMV", "url": "https://a.be/f"}
    links = [{"label": "Aanvragen", "source": "formulier"}]
    root = write_corpus(
        tmp_path,
        {"a.yaml": [passage("een", source="pmv-winwinlening", links=links)]},
    )
    _register(root, [PMV, form])
    corpus = load_corpus(root, today=dt.date(2026, 11, 30))
    [one] = corpus.passages
    assert [(link.label, link.url) for link in one.links] == [("Aanvragen", "https://a.be/f")]
    assert one.linked == ("formulier",)
    assert corpus.sources["formulier"].source.date is None
    assert not [str(w) for w in corpus.warnings]


def test_an_undated_source_of_facts_still_needs_a_comparison(tmp_path):
    undated = {k: v for k, v in PMV.items() if k not in ("date", "compared")}
    root = write_corpus(tmp_path, {"a.yaml": [passage("een", source="pmv-winwinlening")]})
    _register(root, [undated])
    warnings = [str(w) for w in load_corpus(root, today=dt.date(2026, 11, 30)).warnings]
    assert warnings == [
        "bronnen.yaml: pmv-winwinlening: compared: last compared with its page never, "
        "more than 12 months ago"
    ]


def test_bad_links_are_named_and_an_inline_url_is_a_warning(tmp_path):
    links = [
        {"label": "Weg", "source": "bestaat-niet"},
        {"label": "Document", "source": "brief"},
        {"label": "Oud", "url": "https://a.be/oud"},
        {"label": "Los"},
    ]
    root = write_corpus(tmp_path, {"a.yaml": [passage("een", source="pmv-winwinlening")]})
    (root / "brief.txt").write_text("tekst", "utf-8")
    brief = {"id": "brief", "title": "Brief", "publisher": "X", "date": "2012", "file": "brief.txt"}
    _register(root, [PMV, brief])
    bad = write_corpus(tmp_path / "b", {"a.yaml": [passage("een", links=links)]})
    _register(bad, [PMV, brief])
    (bad / "brief.txt").write_text("tekst", "utf-8")
    problems = _problems(bad)
    assert "a.yaml: een: links[1].source: unknown source 'bestaat-niet' (see bronnen.yaml)" in (
        problems
    )
    assert "a.yaml: een: links[2].source: brief is a document, not a page to link" in problems
    assert (
        "a.yaml: een: links[4]: must have exactly a label and a source (an id of the register)"
        in problems
    )
    assert not any("links[3]" in p for p in problems)
    ok = write_corpus(tmp_path / "c", {"a.yaml": [passage("een", links=links[2:3])]})
    warnings = [str(w) for w in load_corpus(ok).warnings]
    assert "a.yaml: een: links[1].url: an inline URL; name an entry of bronnen.yaml" in warnings


def test_a_passage_resting_only_on_a_shipped_document_does_not_go_stale(tmp_path):
    root = write_corpus(
        tmp_path,
        {
            "a.yaml": [
                passage("een", source="brief", checked="2012"),
                passage("twee", source=["brief", "oud"], checked="2012"),
            ]
        },
    )
    (root / "brief.txt").write_text("tekst", "utf-8")
    brief = {"id": "brief", "title": "Brief", "publisher": "X", "date": "2012", "file": "brief.txt"}
    _register(root, [brief, {**PMV, "id": "oud", "date": "2012", "compared": "2024-01-01"}])
    warnings = [str(w) for w in load_corpus(root, today=dt.date(2026, 11, 30)).warnings]
    assert warnings == [
        "bronnen.yaml: oud: compared: last compared with its page 2024-01-01, more than 12 "
        "months ago",
        "a.yaml: twee: checked: last checked 2012, more than 12 months ago",
    ]


def test_a_key_given_twice_is_an_error_not_a_silent_loss(tmp_path):
    twice = (
        "- id: een\n  kind: maatregel\n  title: Een\n  text: eerste tekst\n  text: tweede tekst\n"
    )
    root = write_corpus(tmp_path, {"a.yaml": twice}, synonyms={"patent": ["octrooi"]})
    (root / "synoniemen.yaml").write_text("patent: [octrooi]\npatent: [uitvinding]\n", "utf-8")
    problems = _problems(root)
    assert "a.yaml: -: yaml: syntax error at line 5, column 3: duplicate key 'text'" in problems
    assert (
        "synoniemen.yaml: -: yaml: syntax error at line 2, column 1: duplicate key 'patent'"
        in problems
    )


def test_entries_a_question_reads_alike_are_an_error_not_a_silent_loss(tmp_path):
    # A question's stopwords are not read: "without registration" is read as "registration",
    # and had silently replaced the glossary's own "registration" entry.
    root = write_corpus(tmp_path, {"a.yaml": [passage("een")]})
    (root / "engels.yaml").write_text(
        "registration: [registratie, inschrijving]\nwithout registration: [registratie]\n",
        "utf-8",
    )
    (root / "synoniemen.yaml").write_text("de premie: [subsidie]\npremie: [steun]\n", "utf-8")
    problems = _problems(root)
    assert (
        "engels.yaml: without registration: -: 'registration' and 'without registration' are "
        "both read as 'registration' (stopwords are not read): merge them" in problems
    )
    assert any(
        p.startswith("synoniemen.yaml: premie: -: 'de premie' and 'premie' are both read")
        for p in problems
    )
    # "without" is an English stopword only: in the Dutch synonyms it is a word like any.
    (root / "engels.yaml").unlink()
    (root / "synoniemen.yaml").write_text("registration: [a]\nwithout registration: [b]\n", "utf-8")
    assert load_corpus(root).synonyms["without registration"] == ("b",)
    # A key written twice in other case is the same key: the YAML parser does not see it.
    (root / "synoniemen.yaml").write_text("Premie: [subsidie]\npremie: [steun]\n", "utf-8")
    assert "synoniemen.yaml: premie: -: given twice, as 'premie'" in _problems(root)


def test_of_entries_read_alike_the_one_written_as_read_wins():
    from assistant.analysis import ENGLISH_STOPWORDS, Analyzer

    for glossary in (
        {"without registration": ("zonder registratie",), "registration": ("inschrijving",)},
        {"registration": ("inschrijving",), "without registration": ("zonder registratie",)},
    ):
        read = Analyzer._normalise_synonyms(glossary, ENGLISH_STOPWORDS)
        assert read == {"registration": ("inschrijving",)}


def test_an_example_question_with_a_word_outside_the_domain_is_a_warning(tmp_path):
    # The answerability model weighs such a word against the question: the passage's own
    # question would be refused ("welke code voor auteursrechten in de belastingaangifte").
    asked = passage("code", questions=["welke code in de belastingaangifte", "wat is de code"])
    root = write_corpus(tmp_path, {"a.yaml": [asked, passage("ander")]})
    (root / "buiten-bereik.yaml").write_text("personenbelasting: [belastingaangifte]\n", "utf-8")
    warnings = [f"{w.passage}: {w.field}: {w.message}" for w in load_corpus(root).warnings]
    [warning] = [w for w in warnings if "belastingaangifte" in w]
    assert warning.startswith("code: questions: 'welke code in de belastingaangifte' holds")
    assert "'personenbelasting' in buiten-bereik.yaml" in warning
    assert not any(w.startswith("ander:") and "buiten-bereik" in w for w in warnings)


def test_subjects_outside_the_domain_are_a_map_of_words_and_are_never_passages(tmp_path):
    root = write_corpus(tmp_path, {"a.yaml": [passage("een")]})
    (root / "buiten-bereik.yaml").write_text("wonen: [huurwoning, huisbaas]\n", "utf-8")
    corpus = load_corpus(root)
    assert corpus.outside == {"wonen": ("huurwoning", "huisbaas")}
    assert [p.id for p in corpus.passages] == ["een"]
    (root / "buiten-bereik.yaml").write_text("- huurwoning\n- huisbaas\n", "utf-8")
    problems = _problems(root)
    assert "buiten-bereik.yaml: -: -: must map a subject to the words its questions use" in (
        problems
    )


def test_dating_a_corpus_loaded_without_a_day_adds_exactly_that_days_warnings():
    from assistant.corpus import bundled_corpus_dir, dated

    later = dt.date(2031, 1, 1)  # everything is stale by then: warnings of both kinds
    undated = load_corpus(bundled_corpus_dir())
    expected = load_corpus(bundled_corpus_dir(), today=later)
    assert dated(undated, later) == expected
    assert {w.field for w in expected.warnings} >= {"checked", "compared"}
    assert len(expected.warnings) > len(undated.warnings)
