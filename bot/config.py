"""Settings: the only module that reads the environment (and `.env`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PLACEHOLDER_TOKENS = frozenset({"", "change-me", "123456:CHANGE-ME", "your-token-here"})


class Settings(BaseSettings):
    """Every setting of the bot, the CLI and the worker; see .env.example."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = Field(default_factory=lambda: f"sqlite:///{Path.cwd() / 'contacts.db'}")
    bot_token: SecretStr = SecretStr("")
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    telegram_api_base: str | None = None
    webhook_url: str | None = None  # set: webhook mode instead of long polling
    webhook_secret: SecretStr = SecretStr("")
    webhook_host: str = "0.0.0.0"
    webhook_port: int = 8080
    run_scheduler: bool = True  # False: this process answers only; a worker polls sources
    allow_private_sources: bool = False
    default_poll_minutes: int = 10
    min_poll_minutes: int = 2
    source_failures_before_pause: int = 5
    poll_start_jitter_seconds: float = 30.0
    fetch_max_bytes: int = 5 * 1024 * 1024
    fetch_timeout_seconds: float = 30.0
    delivery_interval_seconds: float = 3.0
    alerts_per_second: float = 25.0
    leader_check_seconds: float = 15.0
    index_refresh_seconds: float = 60.0
    index_dir: str | None = None  # where the search index is saved (default: beside SQLite)
    throttle_seconds: float = 0.7
    log_level: str = "INFO"

    @field_validator("telegram_api_base", "webhook_url", "index_dir", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return frozenset(
                int(part) for part in value.replace(";", ",").split(",") if part.strip()
            )
        if isinstance(value, int):
            return frozenset({value})
        return value

    def token_problem(self) -> str | None:
        """Why the bot token cannot be used, or None when it looks like a real one."""
        token = self.bot_token.get_secret_value().strip()
        if token in PLACEHOLDER_TOKENS or "CHANGE" in token.upper():
            return "BOT_TOKEN не задан: укажите токен от @BotFather в .env или окружении."
        head, _, tail = token.partition(":")
        if not head.isdigit() or not tail:
            return "BOT_TOKEN выглядит неверно: ожидается вид 123456:ABC..."
        return None
