from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import lexicon, parallel


@pytest.mark.parametrize("costs, count", [([5, 1, 1, 1, 1, 1], 2), ([3, 3, 2, 2, 2], 2), ([1] * 7, 3), ([9], 2)])
def test_shares_hold_every_item_once_and_balance_the_cost(costs: list[int], count: int) -> None:
    shares = parallel.balanced(costs, count)
    assert len(shares) == count and sorted(i for share in shares for i in share) == list(range(len(costs)))
    totals = [sum(costs[i] for i in share) for share in shares]
    assert max(totals) - min(totals) <= max(costs)


def test_results_come_back_in_order_from_every_process(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("os.cpu_count", lambda: 3)
    items = list(range(40))
    progress: list[int] = []
    results = parallel.map_balanced(lambda x: (x * x, os.getpid()), items, [x % 7 for x in items],
                                    progress.append)
    assert [square for square, _ in results] == [x * x for x in items]
    here = os.getpid()
    pids = [pid for _, pid in results]
    assert here in pids and any(pid != here for pid in pids)  # this process took a share, forked ones the rest
    assert progress[-1] == len(items) and progress == sorted(progress)


def test_the_lexicon_counted_in_parts_is_the_lexicon_counted_whole(root: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "raw").glob("*.txt"))]
    monkeypatch.setattr("os.cpu_count", lambda: 3)
    parts = parallel.split(texts)
    assert len(parts) == 3 and sorted(t for part in parts for t in part) == sorted(texts)
    assert lexicon.merge(lexicon.count(part) for part in parts) == lexicon.build(texts)
