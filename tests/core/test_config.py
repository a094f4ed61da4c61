"""Configuration: .env.example parses, lists every setting, and the README documents each one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.config import Settings

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / ".env.example"


def example_keys() -> set[str]:
    keys = set()
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^#?\s*([A-Z][A-Z0-9_]+)=", line)
        if match:
            keys.add(match.group(1))
    return keys


def test_env_example_parses_into_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in list(Settings.model_fields):
        monkeypatch.delenv(key.upper(), raising=False)
    settings = Settings(_env_file=EXAMPLE)  # type: ignore[call-arg]
    assert settings.token_problem() is not None  # the placeholder token is refused
    assert settings.admin_ids == frozenset()
    assert settings.telegram_api_base is None and settings.webhook_url is None


def test_every_setting_is_in_env_example_and_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    settings = {name.upper() for name in Settings.model_fields}
    assert settings == example_keys()
    missing = sorted(key for key in settings if f"`{key}`" not in readme)
    assert not missing, f"README configuration table lacks {missing}"


@pytest.mark.parametrize(
    ("value", "expected"), [["1,2", {1, 2}], ["7; 8", {7, 8}], ["", set()], ["42", {42}]]
)
def test_admin_ids_forms(value: str, expected: set[int], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_IDS", value)
    assert Settings(_env_file=None).admin_ids == frozenset(expected)  # type: ignore[call-arg]
