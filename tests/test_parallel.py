from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from generator.clean import lexicon
from generator.core import parallel


@pytest.mark.parametrize("costs, count", [([5, 1, 1, 1, 1, 1], 2), ([3, 3, 2, 2, 2], 2), ([1] * 7, 3), ([9], 2)])
def test_shares_hold_every_item_once_and_balance_the_cost(costs: list[int], count: int) -> None:
    shares = parallel.balanced(costs, count)
    assert len(shares) == count and sorted(i for share in shares for i in share) == list(range(len(costs)))
    totals = [sum(costs[i] for i in share) for share in shares]
    assert max(totals) - min(totals) <= max(costs)


ORDER = """
import json, os
from generator.core import parallel
os.cpu_count = lambda: 3
assert parallel.can_fork(), "this process cannot fork"
items = list(range(40))
progress = []
results = parallel.map_balanced(lambda x: (x * x, os.getpid()), items, [x % 7 for x in items], progress.append)
print(json.dumps({"results": results, "here": os.getpid(), "progress": progress}))
"""


def test_results_come_back_in_order_from_every_process() -> None:
    """In a fresh interpreter: pytest's own process has threads (servers, browsers), and never forks."""
    result = subprocess.run([sys.executable, "-c", ORDER], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert [square for square, _ in found["results"]] == [x * x for x in range(40)]
    pids = [pid for _, pid in found["results"]]
    assert found["here"] in pids and any(pid != found["here"] for pid in pids)  # here a share, forked ones the rest
    assert found["progress"][-1] == 40 and found["progress"] == sorted(found["progress"])


def test_a_process_with_a_live_thread_does_the_work_itself() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not parallel.can_fork()
        pids = parallel.map_balanced(lambda _: os.getpid(), list(range(10)), [1] * 10)
    finally:
        stop.set()
        thread.join()
    assert set(pids) == {os.getpid()}


def test_the_lexicon_counted_in_parts_is_the_lexicon_counted_whole(root: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "raw").glob("*.txt"))]
    monkeypatch.setattr("os.cpu_count", lambda: 3)
    parts = parallel.split(texts)
    assert len(parts) == 3 and sorted(t for part in parts for t in part) == sorted(texts)
    assert lexicon.merge(lexicon.count(part) for part in parts) == lexicon.build(texts)
