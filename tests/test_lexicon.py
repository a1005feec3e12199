import sys

import wordfreq

from assistant.lexicon import wordfreq_dutch


def test_the_dutch_list_read_from_wordfreqs_file_equals_wordfreqs_own():
    assert wordfreq_dutch() == wordfreq.get_frequency_dict("nl", wordlist="small")


def test_reading_the_dutch_list_does_not_import_wordfreq(monkeypatch):
    monkeypatch.delitem(sys.modules, "wordfreq")
    assert len(wordfreq_dutch()) > 20_000
    assert "wordfreq" not in sys.modules
