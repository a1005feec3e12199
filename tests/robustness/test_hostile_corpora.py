"""Hostile and broken corpora: each gives a CorpusError naming the file, never a traceback,
a hang or a flood of output (issue 12, items 4 and 6)."""

import os
import sys
import threading

import pytest
import yaml

from assistant.corpus import MAX_FILE_BYTES, MAX_PASSAGES_PER_FILE, CorpusError, load_corpus
from tests.conftest import passage, write_corpus

ALIAS_BOMB = """\
- id: bom
  kind: maatregel
  title: Bom
  text: &a0 [x, x, x, x, x, x, x, x, x, x]
  questions: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]
  keywords: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]
  related: &a3 [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]
  source: &a4 [*a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3]
  links: &a5 [*a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4]
  checked: [*a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5]
  status: [*a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5]
"""


def _problems(root) -> list[str]:
    with pytest.raises(CorpusError) as info:
        load_corpus(root)
    return [str(p) for p in info.value.problems]


def _short(problems: list[str]) -> bool:
    return all(len(p) < 300 for p in problems)


def test_an_alias_bomb_is_reported_in_a_few_short_lines(tmp_path):
    problems = _problems(write_corpus(tmp_path, {"bom.yaml": ALIAS_BOMB}))
    assert "bom.yaml: bom: text: must be text" in problems
    assert _short(problems) and len(problems) < 20


def test_a_huge_value_is_named_without_being_echoed(tmp_path):
    huge_id = "a" * 200_000
    problems = _problems(write_corpus(tmp_path, {"a.yaml": [passage(huge_id)]}))
    assert any(p.startswith("a.yaml: ") and "200000 characters; at most 100" in p for p in problems)
    assert _short(problems)


def test_a_file_over_the_size_limit_is_not_read(tmp_path):
    text = "x" * (MAX_FILE_BYTES + 1)
    problems = _problems(write_corpus(tmp_path, {"a.yaml": text}))
    assert problems == [f"a.yaml: -: -: is larger than {MAX_FILE_BYTES // 1_000_000} MB; split it"]


def test_too_many_passages_in_one_file_are_refused(tmp_path):
    many = "".join(f"- {{id: p{i}}}\n" for i in range(MAX_PASSAGES_PER_FILE + 1))
    problems = _problems(write_corpus(tmp_path, {"a.yaml": many}))
    assert problems == [f"a.yaml: -: -: 5001 passages; at most {MAX_PASSAGES_PER_FILE} a file"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX feature")
def test_a_fifo_named_yaml_is_reported_not_waited_on(tmp_path):
    root = write_corpus(tmp_path, {"a.yaml": [passage("een")]})
    os.mkfifo(root / "pijp.yaml")
    os.mkfifo(root / "synoniemen-extra.yaml")
    found: list[list[str]] = []
    # In a thread with a bounded wait: a loader that opened the FIFO would block forever.
    reader = threading.Thread(target=lambda: found.append(_problems(root)), daemon=True)
    reader.start()
    reader.join(timeout=30)
    assert found, "the loader blocked on a FIFO"
    assert "pijp.yaml: -: -: is not a regular file" in found[0]


def test_a_symlink_out_of_the_corpus_is_not_followed(tmp_path):
    outside = tmp_path / "buiten.yaml"
    outside.write_text(yaml.safe_dump([passage("geheim")]), "utf-8")
    root = write_corpus(tmp_path / "corpus", {"a.yaml": [passage("een")]})
    (root / "link.yaml").symlink_to(outside)
    problems = _problems(root)
    assert "link.yaml: -: -: points outside the corpus folder" in problems


def test_keys_of_mixed_types_and_a_timestamp_are_named(tmp_path):
    text = (
        "- id: een\n  kind: maatregel\n  title: T\n  text: tekst\n  1: x\n  vreemd: y\n"
        "  checked: 2026-01-15 10:00:00\n"
    )
    problems = _problems(write_corpus(tmp_path, {"a.yaml": text}))
    assert "a.yaml: een: 1: unknown field" in problems
    assert "a.yaml: een: vreemd: unknown field" in problems
    assert any(p.startswith("a.yaml: een: checked: must be an ISO date") for p in problems)


def test_an_inline_source_document_of_the_wrong_type_is_an_error(tmp_path):
    bad = passage("een", source={"title": "T", "publisher": "P", "date": "2024", "document": [1]})
    problems = _problems(write_corpus(tmp_path, {"a.yaml": [bad]}))
    assert any(p.startswith("a.yaml: een: source.document: unknown document") for p in problems)


def test_the_corpus_check_command_prints_few_short_lines_for_a_bomb(tmp_path, capsys):
    from assistant import cli

    root = write_corpus(tmp_path, {"bom.yaml": ALIAS_BOMB})
    assert cli.main(["corpus", "check", str(root)]) == 1
    captured = capsys.readouterr()
    assert len(captured.out) + len(captured.err) < 5_000
    assert sys.getsizeof(captured.err) < 10_000


def test_a_hostile_evaluation_file_is_named_in_one_short_line(tmp_path, capsys):
    from assistant import cli

    huge = tmp_path / "vragen.yaml"
    huge.write_text("in_domain:\n  - {q: '" + "x" * 100_000 + "'}\n", "utf-8")
    assert cli.main(["eval", str(huge)]) == 2
    err = capsys.readouterr().err
    assert "each in_domain item needs q and ids" in err and len(err) < 500
