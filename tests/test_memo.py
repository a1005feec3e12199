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


def test_a_full_memo_starts_again_and_stays_within_its_limit():
    memo: Memo[int, int] = Memo(3)
    for key in range(10):
        memo.get(key, lambda k: k * k)
        assert len(memo) <= 3
    assert memo.get(9, lambda k: -1) == 81  # the latest is kept
    with pytest.raises(ValueError, match="positive"):
        Memo(0)
