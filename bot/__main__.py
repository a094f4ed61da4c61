"""`python -m bot`: the composition root — settings, logging, then the bot."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys

from bot.config import Settings


def main() -> None:
    """Read the settings, configure logging and run until stopped."""
    settings = Settings()
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    from bot.app import run

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run(settings))


if __name__ == "__main__":
    main()
