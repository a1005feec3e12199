"""Shared fixtures: the real bundled corpus, and small corpora written on the fly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.core import Assistant


@pytest.fixture(autouse=True)
def _private_question_log(tmp_path, monkeypatch):
    """Every test logs questions to its own temporary database, never the user's."""
    monkeypatch.setenv("WEGWIJZER_DB", str(tmp_path / "vragen.db"))
    monkeypatch.delenv("WEGWIJZER_SALT", raising=False)
    monkeypatch.delenv("WEGWIJZER_RETENTION_DAYS", raising=False)


@pytest.fixture(scope="session")
def assistant() -> Assistant:
    """The assistant over the real bundled corpus (built once per test run)."""
    return Assistant.bundled()


def passage(pid: str, **overrides: Any) -> dict[str, Any]:
    """A valid passage as a YAML mapping; override any field."""
    data: dict[str, Any] = {
        "id": pid,
        "kind": "maatregel",
        "title": f"Titel van {pid}",
        "text": (
            "De winwinlening is een achtergestelde lening van vrienden of familie. "
            "De kredietgever krijgt elk jaar een belastingkrediet van 2,5% op het openstaande "
            "bedrag. Je onderneming kan tot EUR 300.000 ophalen, met maximaal EUR 75.000 per "
            "kredietgever. PMV registreert de akte binnen een maand na ontvangst."
        ),
        "questions": ["hoeveel kan ik lenen?", "wat is de winwinlening"],
        "source": {
            "title": "Winwinlening",
            "publisher": "PMV",
            "url": "https://www.pmv.eu/product/winwinlening/",
            "date": "2024-12",
        },
        "checked": "2026-01-15",
        "status": "actueel",
    }
    data.update(overrides)
    return data


def write_corpus(root: Path, files: dict[str, Any], synonyms: dict[str, Any] | None = None) -> Path:
    """Write passage files (name -> list of passages, or raw text) and a synonym file."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "synoniemen.yaml").write_text(
        yaml.safe_dump(synonyms or {"patent": ["octrooi"]}, allow_unicode=True), encoding="utf-8"
    )
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = content if isinstance(content, str) else yaml.safe_dump(content, allow_unicode=True)
        path.write_text(text, encoding="utf-8")
    return root
