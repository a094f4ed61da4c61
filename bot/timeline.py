"""The timeline picture of a person's or a pair's contacts (matplotlib, Agg, off the loop)."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure

from bot import texts
from bot.texts import KIND_PLURALS

if TYPE_CHECKING:
    from service.views import ContactView

KIND_ORDER: Final = ("phone", "meeting", "visit", "talks")
KIND_MARKERS: Final = {"phone": "o", "meeting": "s", "visit": "^", "talks": "D"}
KIND_COLORS: Final = {
    "phone": "#1f77b4",
    "meeting": "#2ca02c",
    "visit": "#d62728",
    "talks": "#9467bd",
}
KIND_LABELS: Final = KIND_PLURALS


class NothingToDraw(ValueError):
    """No contact has a date."""


def render_timeline_png(contacts: Sequence[ContactView], title: str) -> bytes:
    """A PNG: one row per kind, a marker per dated contact; hollow for planned/cancelled."""
    dated = [c for c in contacts if c.date is not None]
    if not dated:
        raise NothingToDraw(title)
    kinds = [k for k in KIND_ORDER if any(c.kind == k for c in dated)]
    kinds += sorted({c.kind for c in dated} - set(kinds))
    rows = {kind: index for index, kind in enumerate(reversed(kinds))}

    figure = Figure(figsize=(8, 1.6 + 0.7 * len(kinds)), dpi=150, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    for kind in kinds:
        for happened in (True, False):
            points = [
                c.date
                for c in dated
                if c.kind == kind and (c.status == "happened") == happened and c.date is not None
            ]
            if not points:
                continue
            color = KIND_COLORS.get(kind, "#555555")
            axes.scatter(
                points,  # type: ignore[arg-type]
                [rows[kind]] * len(points),
                marker=KIND_MARKERS.get(kind, "o"),
                s=110,
                facecolors=color if happened else "none",
                edgecolors=color,
                linewidths=1.8,
                alpha=0.85,
                zorder=3,
            )
    axes.set_yticks(list(rows.values()), [KIND_LABELS.get(k, k) for k in rows])
    axes.set_ylim(-0.7, len(kinds) - 0.3)
    locator = AutoDateLocator(minticks=3, maxticks=7)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    axes.tick_params(labelsize=12)
    axes.grid(axis="x", alpha=0.3)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.set_title(texts.shorten(title, 70), fontsize=14, loc="left")
    if any(c.status != "happened" for c in dated):
        figure.text(0.01, 0.01, "пустой значок — запланирован или отменён", fontsize=10, alpha=0.7)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


async def make_timeline(contacts: Sequence[ContactView], title: str) -> bytes:
    """Render the timeline in a worker thread (matplotlib is CPU work)."""
    return await asyncio.to_thread(render_timeline_png, contacts, title)
