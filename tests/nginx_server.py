"""Debian's nginx on a free loopback port, with the configuration the build generated for a site."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.site import nginx


def missing() -> None:
    """Skip, with the reason, when nginx is not installed; under `make test` (BENELUX_CHECKERS=required), which
    installs it, fail instead."""
    if Path(nginx.BINARY).is_file():
        return
    reason = f"{nginx.BINARY} is missing: run `make test` (it installs Debian's nginx) or apt-get install nginx"
    if os.environ.get("BENELUX_CHECKERS") == "required":
        pytest.fail(reason)
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def published(site: Path, folder: Path, base: str = "/") -> Iterator[str]:
    """Serve `site` through nginx as `make serve-prod` does; yield its address (without the trailing slash of
    `base`). nginx's own messages go to `folder`/nginx.log."""
    missing()
    port = free_port()
    config = nginx.local(site, folder, port, base)
    log = (folder / "nginx.log").open("w")
    process = subprocess.Popen([nginx.BINARY, "-p", str(folder), "-e", "stderr", "-c", str(config)],
                               stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            assert process.poll() is None, (folder / "nginx.log").read_text()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        else:
            pytest.fail(f"nginx did not listen on port {port}: {(folder / 'nginx.log').read_text()}")
        yield f"http://127.0.0.1:{port}{base.rstrip('/')}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()
