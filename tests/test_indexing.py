from collections import Counter

from assistant import Assistant
from assistant.indexing import TokenisedCorpus
from assistant.retrieval import corpus_word_counts, passage_fields
from tests.conftest import passage, write_corpus


def _rows_as_terms(index, rows, owners, doc):
    terms = index.arrays.terms
    return [[terms[i] for i in rows.row(j).tolist()] for j in range(owners[doc], owners[doc + 1])]


def test_word_counts_from_the_tokenised_corpus_equal_counting_every_field_again(assistant):
    passages = assistant.passages
    assert TokenisedCorpus(passages).word_counts() == corpus_word_counts(passages)


def test_a_tag_across_two_sentences_is_counted_as_the_whole_text_counts_it(tmp_path):
    text = (
        "De winwinlening is een lening van vrienden <b title='x. Y'> en familie. "
        "Je onderneming kan tot EUR 300.000 ophalen bij vrienden en familie. "
        "PMV registreert de akte binnen een maand na de ontvangst ervan."
    )
    root = write_corpus(tmp_path, {"a.yaml": [passage("a", text=text), passage("b")]})
    passages = Assistant.from_directory(root).passages
    assert TokenisedCorpus(passages).word_counts() == corpus_word_counts(passages)


def test_every_field_is_indexed_with_the_terms_analysing_it_alone_gives(assistant):
    index = assistant.index
    a = index.arrays
    named = Counter()
    for doc, p in enumerate(assistant.passages):
        fields = passage_fields(p, index.analyzer, index.vocabulary())
        named.update({*fields.title, *fields.keywords, *(t for q in fields.questions for t in q)})
        assert _row_terms(index, a.titles, doc) == frozenset(fields.title)
        assert _row_terms(index, a.cores, doc) == frozenset(fields.core(p, index.analyzer))
        about = {*fields.title, *fields.keywords, *(t for q in fields.wordings for t in q)}
        assert _row_terms(index, a.about, doc) == about
        assert _row_terms(index, a.doc_terms, doc) == frozenset(fields.document)
        questions = _rows_as_terms(index, a.questions, a.question_owners, doc)
        assert questions == [list(dict.fromkeys(q)) for q in fields.wordings]
        sentences = _rows_as_terms(index, a.sentences, a.sentence_owners, doc)
        assert sentences == [list(dict.fromkeys(s)) for s in fields.sentences]
    assert {a.terms[i]: n for i, n in enumerate(a.named.tolist()) if n} == dict(named)


def test_a_passage_holding_the_field_separator_is_read_field_by_field(tmp_path):
    odd = passage("odd", title="Het ꙮ-teken (symbool)", questions=["wat is ꙮ?", "waar staat ꙮ"])
    root = write_corpus(tmp_path, {"a.yaml": [odd, passage("b")]})
    assistant = Assistant.from_directory(root)
    index = assistant.index
    assert TokenisedCorpus(assistant.passages).word_counts() == corpus_word_counts(
        assistant.passages
    )
    for doc, p in enumerate(assistant.passages):
        fields = passage_fields(p, index.analyzer, index.vocabulary())
        assert _row_terms(index, index.arrays.titles, doc) == frozenset(fields.title)
        assert _row_terms(index, index.arrays.doc_terms, doc) == frozenset(fields.document)
        questions = _rows_as_terms(index, index.arrays.questions, index.arrays.question_owners, doc)
        assert questions == [list(dict.fromkeys(q)) for q in fields.wordings]


def _row_terms(index, rows, row: int) -> frozenset[str]:
    """The terms of one row of the index's arrays."""
    return frozenset(index.arrays.terms[i] for i in rows.row(row).tolist())
