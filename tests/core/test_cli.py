"""The command-line contract on the bundled sample corpus (a real subprocess, as a user runs it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    work = tmp_path_factory.mktemp("cli")
    url = f"sqlite:///{work / 'cli.db'}"
    result = cli("ingest", "--sample", "--db", url, cwd=work)
    assert result.returncode == 0, result.stderr
    assert "Новых статей:" in result.stderr
    return url, work


def test_ask_json_contract(sample_db: tuple[str, Path]) -> None:
    url, work = sample_db
    result = cli("ask", "когда говорили Лавров и Рубио", "--db", url, "--json", cwd=work)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert set(payload) >= {"question", "answer", "contacts", "passages"}
    assert payload["found"] is True
    dates = [c["date"] for c in payload["contacts"]]
    assert dates == sorted(dates, key=lambda d: d or "", reverse=True), "newest first"
    phone = [c for c in payload["contacts"] if c["kind"] == "phone" and c["date"] == "2025-02-15"]
    assert len(phone) == 1 and phone[0]["date_precision"] == "day"
    assert set(phone[0]["participants"]) == {"Сергей Лавров", "Марко Рубио"}
    assert len(phone[0]["sources"]) >= 2
    for source in phone[0]["sources"]:
        assert set(source) >= {"article_id", "url", "title", "published", "snippet"}
        assert source["snippet"]
    assert "15 февраля 2025" in payload["answer"]


def test_ask_plain_text_and_unknown_pair(sample_db: tuple[str, Path]) -> None:
    url, work = sample_db
    result = cli("ask", "когда говорили Лавров и Помпео", "--db", url, cwd=work)
    assert result.returncode == 0
    assert "не нашёл" in result.stdout.lower()


def test_contacts_json_lists_every_contact(sample_db: tuple[str, Path]) -> None:
    url, work = sample_db
    result = cli("contacts", "--db", url, "--json", cwd=work)
    assert result.returncode == 0, result.stderr
    contacts = json.loads(result.stdout)["contacts"]
    assert len(contacts) >= 4
    statuses = {c["status"] for c in contacts}
    assert "happened" in statuses and statuses & {"planned", "denied", "postponed", "cancelled"}
    person = cli("contacts", "--person", "Рубио", "--db", url, "--json", cwd=work)
    rubio = json.loads(person.stdout)["contacts"]
    assert rubio and all("Марко Рубио" in c["participants"] for c in rubio)


def test_ingest_reports_bad_paths_without_failing(
    sample_db: tuple[str, Path], tmp_path: Path
) -> None:
    url, work = sample_db
    (tmp_path / "bad.jsonl").write_text('{"id": 1}\n{oops\n', encoding="utf-8")
    result = cli(
        "ingest", str(tmp_path / "bad.jsonl"), str(tmp_path / "nope.txt"), "--db", url, cwd=work
    )
    assert result.returncode == 0
    assert "ошибок: 3" in result.stderr


def test_ask_does_not_import_aiogram(sample_db: tuple[str, Path]) -> None:
    url, work = sample_db
    code = (
        f"import sys; from bot.cli import app; sys.argv=['x','ask','Лавров','--db',{url!r}];\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "assert 'aiogram' not in sys.modules, 'ask imported aiogram'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=work, check=False
    )
    assert result.returncode == 0, result.stderr


def test_contacts_of_a_person_learned_from_the_articles(tmp_path: Path) -> None:
    """`contacts --person` finds people missing from the registry, in any case form."""
    url = f"sqlite:///{tmp_path / 'learned.db'}"
    (tmp_path / "a.txt").write_text(
        " date 2024-03-07 Путин встретился с Проди\n\n"
        "Президент России Владимир Путин в среду встретился в Сочи с Романо Проди, бывшим"
        " премьер-министром Италии. Стороны обсудили отношения двух стран.\n",
        encoding="utf-8",
    )
    assert cli("ingest", str(tmp_path / "a.txt"), "--db", url, cwd=tmp_path).returncode == 0
    result = cli("contacts", "--person", "Проди", "--db", url, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)["contacts"]
    assert [c["date"] for c in found] == ["2024-03-06"]
    assert "Романо Проди" in found[0]["participants"]
    unknown = cli("ask", "когда говорили Путин и Фредериксен", "--db", url, "--json", cwd=tmp_path)
    assert json.loads(unknown.stdout)["found"] is False
