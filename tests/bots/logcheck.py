"""What the bot tests check in the question log after a user's action."""

from __future__ import annotations

from assistant.store import Store


def assert_one_interest(store: Store, passage_id: str, kind: str) -> None:
    """The log holds one question and one interest in `passage_id`, of `kind`, shown for it."""
    [logged] = store.questions()
    [interest] = store.interest()
    assert (interest.question_id, interest.passage_id, interest.kind) == (
        logged.id,
        passage_id,
        kind,
    )
