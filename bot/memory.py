"""A small in-process cache with expiry, for answer pages and pending confirmations."""

from __future__ import annotations

import secrets
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class ExpiringCache(Generic[T]):
    """Values under short random tokens, dropped after `ttl` seconds or beyond `size` entries."""

    def __init__(
        self, *, ttl: float = 3600.0, size: int = 2000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._ttl = ttl
        self._size = size
        self._clock = clock
        self._items: OrderedDict[str, tuple[float, T]] = OrderedDict()

    def put(self, value: T) -> str:
        """Store a value; returns its token (8 URL-safe characters)."""
        token = secrets.token_urlsafe(6)
        self._items[token] = (self._clock() + self._ttl, value)
        while len(self._items) > self._size:
            self._items.popitem(last=False)
        return token

    def get(self, token: str) -> T | None:
        """The value, or None when unknown or expired."""
        item = self._items.get(token)
        if item is None:
            return None
        expires, value = item
        if expires < self._clock():
            del self._items[token]
            return None
        return value

    def pop(self, token: str) -> T | None:
        """Take the value out (a confirmation is used once)."""
        value = self.get(token)
        self._items.pop(token, None)
        return value
