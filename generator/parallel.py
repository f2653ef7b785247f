"""Run a function over many items on every core.

The items are split into one share per core, balanced by an estimate of their cost. This process works
through the first share while forked processes do the others: they inherit the function and the items
instead of receiving them pickled, and only their results travel back.
"""

from __future__ import annotations

import heapq
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_WORK: list[tuple[Callable[[Any], Any], Sequence[Any]]] = []
"""The function and items of the current run, for the forked processes."""


def map_balanced(function: Callable[[T], R], items: Sequence[T], costs: Sequence[int],
                 done: Callable[[int], None] | None = None) -> list[R]:
    """[function(item) for item in items], computed on every core; `done(count)` reports progress."""
    cores = os.cpu_count() or 1
    if cores < 2 or "fork" not in multiprocessing.get_all_start_methods():  # Windows cannot fork
        return map_serial(function, items, done)
    shares = balanced(costs, cores)
    results: dict[int, R] = {}
    _WORK[:] = [(function, items)]
    try:
        with ProcessPoolExecutor(cores - 1, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = [pool.submit(_run_share, share) for share in shares[1:]]
            for i in shares[0]:
                results[i] = function(items[i])
                if done:
                    done(len(results))
            for share, future in zip(shares[1:], futures):
                results.update(zip(share, future.result()))
                if done:
                    done(len(results))
    finally:
        _WORK.clear()
    return [results[i] for i in range(len(items))]


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


def _run_share(share: list[int]) -> list[Any]:
    function, items = _WORK[0]
    return [function(items[i]) for i in share]


def map_serial(function: Callable[[T], R], items: Sequence[T], done: Callable[[int], None] | None = None) -> list[R]:
    """[function(item) for item in items] in this process, reporting progress as map_balanced does."""
    results = []
    for item in items:
        results.append(function(item))
        if done:
            done(len(results))
    return results
