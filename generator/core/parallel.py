"""Run a function over many items on every core.

The items are split into one share per core, balanced by an estimate of their cost. This process works
through the first share while forked worker processes do the others. The workers receive the function and
the items from their initializer, inherited through the fork rather than pickled; only results travel back.
A process with a live thread is never forked (the fork could copy a held lock): then the work runs here.
"""

from __future__ import annotations

import heapq
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def can_fork() -> bool:
    """Whether parallel work is possible and safe: more than one core, fork available, no other thread alive."""
    return ((os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()  # Windows cannot fork
            and threading.active_count() == 1)


def map_balanced(function: Callable[[T], R], items: Sequence[T], costs: Sequence[int],
                 done: Callable[[int], None] | None = None) -> list[R]:
    """[function(item) for item in items], computed on every core; `done(count)` reports progress."""
    if not can_fork():
        return map_serial(function, items, done)
    cores = os.cpu_count() or 1
    shares = balanced(costs, cores)
    results: dict[int, R] = {}
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(cores - 1, mp_context=context, initializer=_receive, initargs=(function, items)) as pool:
        futures = [pool.submit(_run_share, share) for share in shares[1:]]
        for i in shares[0]:
            results[i] = function(items[i])
            if done:
                done(len(results))
        for share, future in zip(shares[1:], futures, strict=True):
            results.update(zip(share, future.result(), strict=True))
            if done:
                done(len(results))
    return [results[i] for i in range(len(items))]


def map_serial(function: Callable[[T], R], items: Sequence[T], done: Callable[[int], None] | None = None) -> list[R]:
    """[function(item) for item in items] in this process, reporting progress as map_balanced does."""
    results = []
    for item in items:
        results.append(function(item))
        if done:
            done(len(results))
    return results


def split(items: Sequence[T]) -> list[list[T]]:
    """The items in one part per core, for work that is cheaper done in parts than item by item."""
    cores = os.cpu_count() or 1
    return [list(items[k::cores]) for k in range(cores)]


def balanced(costs: Sequence[int], count: int) -> list[list[int]]:
    """Item indexes in `count` shares of about equal cost: the costliest item goes to the share with the least."""
    shares: list[tuple[int, int, list[int]]] = [(0, k, []) for k in range(count)]
    for i in sorted(range(len(costs)), key=lambda i: -costs[i]):
        cost, k, share = heapq.heappop(shares)
        share.append(i)
        heapq.heappush(shares, (cost + max(costs[i], 1), k, share))
    return [share for _, _, share in sorted(shares, key=lambda s: s[1])]


_received: list[tuple[Callable[[Any], Any], Sequence[Any]]] = []
"""In a worker process: the function and items its initializer received."""


def _receive(function: Callable[[Any], Any], items: Sequence[Any]) -> None:
    _received.append((function, items))


def _run_share(share: list[int]) -> list[Any]:
    function, items = _received[-1]
    return [function(items[i]) for i in share]
