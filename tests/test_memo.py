import pytest

from assistant.memo import Memo


def test_a_memo_computes_each_key_once_and_remembers_none_too():
    calls = []

    def make(key: str) -> str | None:
        calls.append(key)
        return None if key == "niets" else key.upper()

    memo: Memo[str, str | None] = Memo(10)
    assert [memo.get(k, make) for k in ("a", "niets", "a", "niets")] == ["A", None, "A", None]
    assert calls == ["a", "niets"]


def test_a_full_memo_forgets_the_least_recently_used_and_stays_within_its_limit():
    memo: Memo[int, int] = Memo(3)
    for key in range(10):
        memo.get(key, lambda k: k * k)
        assert len(memo) <= 3
    memo.get(7, lambda k: -1)  # used again: now the most recent
    memo.get(10, lambda k: k * k)  # forgets 8, the least recently used
    assert [memo.get(k, lambda k: -1) for k in (7, 9, 10)] == [49, 81, 100]
    assert memo.get(8, lambda k: -1) == -1
    with pytest.raises(ValueError, match="positive"):
        Memo(0)


def test_a_make_that_remembers_others_still_leaves_the_memo_within_its_limit():
    memo: Memo[int, int] = Memo(3)

    def make(k: int) -> int:
        return k if k == 0 else memo.get(k - 1, make) + 1

    assert memo.get(6, make) == 6
    assert len(memo) == 3
