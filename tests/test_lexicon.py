import sys

import wordfreq

from assistant.lexicon import english_frequencies, english_zipf, wordfreq_dutch


def test_the_dutch_list_read_from_wordfreqs_file_equals_wordfreqs_own():
    assert wordfreq_dutch() == wordfreq.get_frequency_dict("nl", wordlist="small")


def test_reading_the_dutch_list_does_not_import_wordfreq(monkeypatch):
    monkeypatch.delitem(sys.modules, "wordfreq")
    assert len(wordfreq_dutch()) > 20_000
    assert "wordfreq" not in sys.modules


def test_english_zipf_equals_wordfreqs_on_every_listed_word_and_on_words_it_lacks():
    words = [*english_frequencies(), "winwinlening", "kunstwerkattest", "2024", "café", "x"]
    ours = [english_zipf(w) for w in words]
    assert ours == [wordfreq.zipf_frequency(w, "en", wordlist="small") for w in words]
    assert english_zipf("winwinlening") == 0.0 and english_zipf("the") > 7


def test_the_english_figures_of_a_question_need_no_wordfreq_import(monkeypatch):
    monkeypatch.delitem(sys.modules, "wordfreq")
    english_frequencies.cache_clear()
    assert english_zipf("starting") > 4
    assert "wordfreq" not in sys.modules
