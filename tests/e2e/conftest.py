"""One Bot API stand-in and one unmodified `python -m bot` process per test session."""

from __future__ import annotations

import asyncio
import itertools
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_asyncio

from tests.e2e.botapi_stub import BotApiStub

REPO = Path(__file__).resolve().parents[2]
TOKEN = "123456:e2e-test-token"
ADMIN_ID = 777000
START_TIMEOUT = 90.0
_users = itertools.count(20_000)


def fresh_user() -> int:
    """A user id no other test uses."""
    return next(_users)


@dataclass
class BotProcess:
    """The running bot, its stand-in and where its log and database are."""

    stub: BotApiStub
    process: subprocess.Popen[bytes]
    log_path: Path
    database_url: str
    database_path: Path

    def log(self) -> str:
        """The bot's log so far (attached to failures)."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-6000:]


def _ingest_sample(database_url: str, env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ingest", "--db", database_url, "--sample", "-q"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"sample ingest failed:\n{result.stdout}\n{result.stderr}")


async def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    for _ in range(100):
        if process.poll() is not None:
            return
        await asyncio.sleep(0.1)
    process.kill()
    process.wait(timeout=10)


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def running_bot(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[BotProcess]:
    """Start the stand-in, fill a SQLite database with the sample corpus, start the bot."""
    workdir = tmp_path_factory.mktemp("e2e")
    database_path = workdir / "contacts.db"
    database_url = f"sqlite:///{database_path}"
    stub = BotApiStub(TOKEN)
    base = await stub.start()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("WEBHOOK_", "TELEGRAM_", "BOT_", "ADMIN_", "DATABASE_"))
    }
    env.update(
        PYTHONPATH=str(REPO),
        BOT_TOKEN=TOKEN,
        ADMIN_IDS=str(ADMIN_ID),
        DATABASE_URL=database_url,
        TELEGRAM_API_BASE=base,
        THROTTLE_SECONDS="0",
        ALLOW_PRIVATE_SOURCES="true",
        RUN_SCHEDULER="true",
        DELIVERY_INTERVAL_SECONDS="1",
        POLL_START_JITTER_SECONDS="0",
        LOG_LEVEL="INFO",
    )
    await asyncio.to_thread(_ingest_sample, database_url, env)
    log_path = workdir / "bot.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(  # noqa: ASYNC220  (a long-lived child, stopped by PID below)
            [sys.executable, "-m", "bot"], cwd=workdir, env=env, stdout=log, stderr=log
        )
    running = BotProcess(stub, process, log_path, database_url, database_path)
    try:
        deadline = asyncio.get_running_loop().time() + START_TIMEOUT
        while stub.polls == 0:
            if process.poll() is not None:
                pytest.fail(f"the bot exited with {process.returncode}:\n{running.log()}")
            if asyncio.get_running_loop().time() > deadline:
                pytest.fail(f"the bot never polled for updates:\n{running.log()}")
            await asyncio.sleep(0.1)
        yield running
    finally:
        await _stop(process)
        await stub.stop()
