"""The platform-neutral bot pieces: rate limiter, reference store, log redaction, layout."""

import logging

import pytest

from bots.ratelimit import RateLimiter
from bots.redact import REDACTED, SecretFilter
from bots.refs import RefStore
from tests.fakes.clock import Clock

TOKEN = "123456:SECRET"


def test_rate_limiter_allows_the_limit_per_window_then_recovers():
    clock = Clock()
    limiter = RateLimiter(2, 60.0, clock=clock)
    assert [limiter.allow("ann") for _ in range(3)] == [True, True, False]
    assert limiter.allow("bob")  # per user
    clock.now = 60.0
    assert limiter.allow("ann")


def test_rate_limiter_forgets_the_least_recent_users_beyond_max_keys():
    limiter = RateLimiter(1, 60.0, clock=Clock(), max_keys=2)
    for user in ("a", "b", "c"):
        assert limiter.allow(user)
    assert limiter.allow("a")  # "a" was forgotten, so it starts afresh
    with pytest.raises(ValueError, match="must be positive"):
        RateLimiter(0)


def test_ref_store_is_bounded_and_keys_fit_in_callback_data():
    refs = RefStore(capacity=2)
    first = refs.put({"passages": ["a"]})
    refs.put("b")
    refs.put("c")
    assert len(refs) == 2 and refs.get(first) is None
    assert len(first.encode()) <= 10


def test_secret_filter_scrubs_messages_arguments_and_tracebacks():
    record = logging.LogRecord(
        "x", logging.ERROR, __file__, 1, "url %s failed", (f"https://api/bot{TOKEN}/getMe",), None
    )
    try:
        raise RuntimeError(f"boom {TOKEN}")
    except RuntimeError:
        import sys

        record.exc_info = sys.exc_info()
    assert SecretFilter(TOKEN).filter(record)
    assert TOKEN not in record.getMessage() and REDACTED in record.getMessage()
    assert TOKEN not in record.exc_text


def test_every_renderer_says_a_source_page_shows_no_date():
    from assistant.models import Link, Source
    from assistant.textrender import render_text
    from bots.discord import render as discord_render
    from bots.layout import layout
    from bots.service import Replied
    from bots.telegram import render as telegram_render
    from tests.bots.builders import answer, answer_passage

    undated = Source("Overbruggingsrecht", "Sociale zekerheid", None, url="https://a.be/o")
    passage = answer_passage("T", "S", source=undated, links=(Link("Meer", "https://a.be/m"),))
    reply = answer([passage], message="Dit vond ik")
    shown = layout(Replied(reply, None, "seal"))
    [telegram] = telegram_render.encode(shown, RefStore())
    [discord] = discord_render.encode(shown, RefStore())
    shown = [render_text(reply), telegram.text, discord.embeds[0].description or ""]
    shown += [f.value for f in discord.embeds[0].fields]
    assert "pagina zonder datum" in render_text(reply)
    assert "pagina zonder datum" in telegram.text
    assert any("pagina zonder datum" in text for text in shown[2:])
    assert not any("None" in text for text in shown)
    assert reply.to_dict()["passages"][0]["source"]["date"] is None


def test_a_library_error_is_logged_as_one_line_and_our_own_with_its_traceback():
    secret_filter = SecretFilter(TOKEN)
    secret_filter.brief = ("telegram",)
    formatter = logging.Formatter("%(name)s: %(message)s")

    def logged(name: str) -> str:
        try:
            raise ValueError(f"token {TOKEN} rejected")
        except ValueError:
            import sys

            record = logging.LogRecord(name, logging.ERROR, "f", 1, "failed", (), sys.exc_info())
        assert secret_filter.filter(record)
        return formatter.format(record)

    library = logged("telegram.ext")
    assert library == f"telegram.ext: failed\nValueError: token {REDACTED} rejected"
    ours = logged("bots.telegram.app")
    assert "Traceback" in ours and TOKEN not in ours
