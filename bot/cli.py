"""The `contacts-bot` command line: ingest, ask, contacts, run, worker."""

from __future__ import annotations

import json
import logging
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from service.app import ContactsApp

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Контакты дипломатов в новостях: загрузка статей, вопросы, Telegram-бот.",
)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="URL базы (по умолчанию DATABASE_URL или ./contacts.db)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Вывести JSON.")]


def _database_url(db: str | None) -> str:
    if db:
        return db
    from bot.config import Settings

    return Settings().database_url


def _open(db: str | None) -> ContactsApp:
    from bot.config import Settings
    from service.app import ContactsApp

    return ContactsApp.open(_database_url(db), index_dir=Settings().index_dir)


def sample_corpus() -> Path:
    """Folder of the bundled sample articles."""
    return Path(str(resources.files("ingest") / "sample"))


@app.command()
def ingest(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Файлы и папки: .txt, .html, .json, .jsonl")
    ] = None,
    db: DbOption = None,
    sample: Annotated[
        bool, typer.Option("--sample", help="Загрузить встроенный пример корпуса.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Без индикатора прогресса.")] = False,
    workers: Annotated[
        int, typer.Option("--workers", "-j", help="Процессов для анализа (0 = по числу ядер).")
    ] = 0,
) -> None:
    """Загрузить статьи из файлов и папок."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ingest.readers import iter_files, read_paths

    targets = [str(p) for p in paths or []]
    if sample:
        targets.append(str(sample_corpus()))
    if not targets:
        raise typer.BadParameter("укажите файлы или папки, либо --sample")
    console = Console(stderr=True)
    contacts_app = _open(db)
    total_files = sum(1 for _ in iter_files(targets))
    progress = Progress(
        TextColumn("[bold]Загрузка"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[origin]}"),
        console=console,
        disable=quiet or not console.is_terminal,
    )
    with progress:
        task = progress.add_task("ingest", total=total_files, origin="")

        def advance(items):  # type: ignore[no-untyped-def]
            current = None
            for item in items:
                file_part = item.origin.split(":")[0].split("#")[0]
                if file_part != current:
                    if current is not None:
                        progress.advance(task)
                    current = file_part
                    progress.update(task, origin=Path(file_part).name[:40])
                yield item
            progress.update(task, completed=total_files)

        from ingest.workers import default_workers

        report = contacts_app.ingestor.ingest_items(
            advance(read_paths(targets)), workers=workers or default_workers()
        )
    for failure in report.failures[:50]:
        console.print(f"[yellow]пропущено[/] {failure.origin}: {failure.reason}")
    console.print(
        f"Новых статей: {report.new}, дубликатов: {report.duplicate}, ошибок: {report.failed}; "
        f"контактов новых: {report.contacts_new}, обновлённых: {report.contacts_updated}"
    )
    contacts_app.close()


@app.command()
def ask(
    question: Annotated[
        str, typer.Argument(help="Вопрос, например «когда говорили Лавров и Рубио»")
    ],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Ответить на вопрос о контактах."""
    contacts_app = _open(db)
    answer = contacts_app.answers.ask_sync(question)
    if as_json:
        typer.echo(json.dumps(answer.to_json(), ensure_ascii=False, indent=1))
    else:
        typer.echo(answer.text)
    contacts_app.close()


@app.command()
def contacts(
    person: Annotated[
        list[str] | None, typer.Option("--person", help="Имя (можно несколько раз).")
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Все контакты (или контакты указанных людей)."""
    from service import render

    contacts_app = _open(db)
    names: list[str] = []
    for raw in person or []:
        # registry people and people learned from the articles, in any case form
        resolved = contacts_app.answers.resolve_people_sync(raw)
        names.extend(resolved or [raw])
    views = contacts_app.answers.contacts_sync(names)
    if as_json:
        typer.echo(
            json.dumps({"contacts": [v.to_json() for v in views]}, ensure_ascii=False, indent=1)
        )
    else:
        for view in views:
            typer.echo(" — ".join(view.participants))
            typer.echo("\n".join(render.render_contact(view)))
        typer.echo(f"Всего: {len(views)}")
    contacts_app.close()


@app.command()
def run() -> None:
    """Запустить Telegram-бота."""
    from bot.config import Settings

    settings = Settings()
    problem = settings.token_problem()
    if problem:
        typer.echo(problem, err=True)
        raise typer.Exit(2)
    import asyncio

    from bot.app import run as run_bot

    asyncio.run(run_bot(settings))


@app.command()
def worker() -> None:
    """Опрашивать источники и рассылать оповещения (без ответов пользователям)."""
    from bot.config import Settings

    settings = Settings()
    problem = settings.token_problem()
    if problem:
        typer.echo(problem, err=True)
        raise typer.Exit(2)
    import asyncio

    from bot.worker import run_worker

    logging.getLogger().setLevel(settings.log_level.upper())
    asyncio.run(run_worker(settings))


def main() -> None:
    """Entry point of the console script."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
