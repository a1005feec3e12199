import dataclasses
from pathlib import Path

import numpy as np
import pytest

from assistant import Assistant
from assistant.evaluation import load_eval_set
from assistant.reference import ReferenceSearch
from assistant.sparse import Rows, top_k
from tests.conftest import passage, write_corpus

EVAL = Path(__file__).parent / "eval"


@pytest.fixture(scope="module")
def reference(assistant) -> ReferenceSearch:
    return ReferenceSearch(assistant.index)


def test_rows_transpose_lists_the_rows_holding_each_id_in_ascending_order():
    rows = Rows(np.array([0, 2, 2, 5]), np.array([3, 0, 0, 1, 3], dtype=np.int32))
    columns = rows.transpose(5)
    assert [columns.row(i).tolist() for i in range(5)] == [[0, 2], [2], [], [0, 2], []]


@pytest.mark.parametrize("k", [1, 3, 4, 10])
def test_top_k_orders_like_a_full_sort_with_ties_to_the_earlier_position(k):
    scores = np.array([2.0, 5.0, 2.0, 5.0, 1.0, 2.0, 7.0])
    positions = np.array([10, 11, 12, 13, 14, 15, 16])
    expected = sorted(range(len(scores)), key=lambda i: (-scores[i], positions[i]))[:k]
    assert top_k(scores, positions, k).tolist() == expected


def test_search_gives_rank_bm25s_passages_and_scores_for_every_tuning_question(
    assistant, reference
):
    questions = [q.question for q in load_eval_set(EVAL / "vragen.yaml").questions]
    assert len(questions) > 500
    for question in questions:
        groups = list(assistant.read(question).groups)
        hits = assistant.index.search(groups, 10)
        assert [(h.passage.id, h.score) for h in hits] == reference.search(groups, 10), question


def test_scores_of_every_passage_equal_rank_bm25s_for_a_question_in_context(assistant, reference):
    own = list(assistant.read("hoeveel kan ik daarmee lenen in 2012").groups)
    context = [
        dataclasses.replace(g, weight=0.5) for g in assistant.read("wat is de winwinlening").groups
    ]
    groups = own + context
    assert np.array_equal(assistant.index.scores(groups), reference.scores(groups))
    assert assistant.index.scores(groups).max() > 0


def test_equal_scores_rank_in_corpus_order_as_rank_bm25_does(tmp_path):
    same = {"title": "Winwinlening", "questions": ["wat is de winwinlening", "hoe leen ik"]}
    root = write_corpus(
        tmp_path,
        {
            "a.yaml": [passage(pid, **same) for pid in ("c-eerste", "a-tweede", "b-derde")]
            + [
                passage(
                    "d-ander",
                    title="Octrooi (Boip)",
                    questions=["wat is een octrooi", "hoe vraag ik het aan"],
                )
            ]
        },
    )
    assistant = Assistant.from_directory(root)
    groups = list(assistant.read("winwinlening octrooi").groups)
    ids = [h.passage.id for h in assistant.index.search(groups, 3)]
    assert ids == ["d-ander", "c-eerste", "a-tweede"]  # the third equal one falls off
    expected = ReferenceSearch(assistant.index).search(groups, 4)
    assert [(h.passage.id, h.score) for h in assistant.index.search(groups, 4)] == expected
