"""The build as MkDocs runs it (hooks) and as builders without hooks run it (the command line); its configuration."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import ROOT, build_site, generate, project

from generator.core.layout import ANALYSIS, STATE
from generator.core.problems import InputError
from generator.core.records import Corpus
from generator.site import config


@pytest.mark.parametrize("line", [
    "site_url: https://voorzitterschap.example.nl/archief",
    "site_url: 'https://voorzitterschap.example.nl/archief/'",
    'site_url: "https://voorzitterschap.example.nl/archief/"',
    'site_url: !ENV [NOT_SET_ANYWHERE, "https://voorzitterschap.example.nl/archief/"]',
])
def test_site_url_is_read_however_it_is_quoted(tmp_path: Path, line: str) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text(f"site_name: x\n{line}\n", encoding="utf-8")
    assert config.site_url(path) == "https://voorzitterschap.example.nl/archief/"


def test_site_url_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text('site_name: x\nsite_url: !ENV [SITE_URL, "https://a.example/"]\n', encoding="utf-8")
    monkeypatch.setenv("SITE_URL", "https://b.example/pad")
    assert config.site_url(path) == "https://b.example/pad/"


def test_no_site_url_is_no_address(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without SITE_URL the generator gets no address at all (and writes none), not a made-up one."""
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_name: x\nsite_url: !ENV SITE_URL\n", encoding="utf-8")
    monkeypatch.delenv("SITE_URL", raising=False)
    assert config.site_url(path) == ""
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    assert config.site_url(path) == ""


def test_the_build_summary_says_what_is_left_out_without_an_address(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    result = generate(ROOT / "raw", tmp_path / "out", "--config", str(tmp_path / "mkdocs.yml"))
    assert result.returncode == 0, result.stderr
    table = re.sub(r"[\s│]+", " ", result.stdout)  # the summary table, its cells' wrapped lines read together
    assert "site URL none (SITE_URL not set): og:url, og:image, canonical links and sitemap left out" in table


@pytest.mark.parametrize("text, words", [
    ("site_name: x\nsite_url: voorzitterschap.example.nl\n", "is not an absolute http(s) address"),
    ("site_name: x\nsite_url: ftp://voorzitterschap.example.nl/\n", "is not an absolute http(s) address"),
])
def test_an_invalid_site_url_is_an_error(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        config.site_url(path)
    assert words in str(err.value) and "fix: " in str(err.value)


def test_the_command_line_stops_on_a_bad_site_url(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nsite_url: example.org\n", encoding="utf-8")
    result = generate(ROOT / "raw", tmp_path / "out", "--config", str(tmp_path / "mkdocs.yml"))
    assert result.returncode == 1 and "mkdocs.yml:2: site_url 'example.org' is not an absolute" in result.stderr
    assert not (tmp_path / "out").exists()


HAND_WRITTEN = ("stylesheets", "javascripts", "toegankelijkheid.md")
"""What site_src/ holds besides the generated pages."""


def test_mkdocs_and_the_command_line_generate_the_same_pages(built: Path, tmp_path: Path) -> None:
    """`mkdocs build` (the hook runs the generator) and `benelux-site build` (builders without hooks) agree."""
    out = tmp_path / "out"
    result = generate(ROOT / "raw", out)
    assert result.returncode == 0, result.stderr
    def files(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
                if p.is_file() and p.name != STATE and p.relative_to(folder).parts[0] not in (*HAND_WRITTEN, ANALYSIS)}
    assert files(out) == files(built / "site_src")


def test_a_second_mkdocs_build_generates_nothing(tmp_path: Path) -> None:
    work = build_site(tmp_path / "project", ROOT / "raw")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    second = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=work, env=env,
                            capture_output=True, text=True)
    assert second.returncode == 0, second.stderr
    assert "generator: nothing changed" in second.stderr, second.stderr


def test_a_bad_input_stops_mkdocs_and_names_the_file(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "raw", raw)
    (raw / "2024-be-x.txt").write_text("---\ntitle: X\nkind: brief\nyear: 2024\ncountry: BE\nissuer: X\n---\nTekst.\n",
                                       encoding="utf-8")
    work = project(tmp_path / "project", raw)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=work,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    assert result.returncode == 1
    assert "2024-be-x.txt:3: 'kind': unknown kind 'brief'" in result.stderr and "fix: use one of" in result.stderr
    assert not (work / "site").exists()


def test_the_navigation_has_dutch_titles_in_the_generators_order(built: Path, corpus: Corpus) -> None:
    home = (built / "site" / "index.html").read_text(encoding="utf-8")
    tabs = home[home.index('class="md-tabs__list"'):]
    titles = [t for t in ("Thema's", "Jaren", "Regio's", "Documenten") if f"{t}\n" in tabs or f"{t}<" in tabs]
    positions = [tabs.index(t) for t in titles]
    assert titles == ["Thema's", "Jaren", "Regio's", "Documenten"] and positions == sorted(positions)
    years = (built / "site" / "jaren" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]*)" class="md-nav__link', years)
    years = sorted({d.meta.year for d in corpus.documents}, reverse=True)
    assert [link for link in links if re.fullmatch(r"\d{4}/", link)] == [f"{y}/" for y in years], "newest first"
    themes = [link.split("/")[-2] for link in links if re.fullmatch(r"\.\./themas/[a-z-]+/", link)]
    labels = {t.slug: t.label.lower() for t in corpus.themes}
    assert themes == sorted(labels, key=labels.__getitem__)


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return bytes(response.read())
    except OSError:
        return None


def _wait_for(check: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.5)
    return False


def test_mkdocs_serve_searches_as_the_built_site_and_rebuilds_once_per_edit(built: Path, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "raw", raw)
    work = project(tmp_path / "project", raw)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=work,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        entry = "pagefind/pagefind-entry.json"  # names the index by the hash of its content
        assert _wait_for(lambda: _get(f"{base}/{entry}") is not None, 120), "mkdocs serve did not start"
        served = json.loads(_get(f"{base}/{entry}") or b"{}")
        assert served == json.loads((built / "site" / entry).read_text(encoding="utf-8"))
        letter = raw / "2023-nl-prioriteitenbrief.txt"
        letter.write_text(letter.read_text(encoding="utf-8") + "\nEen nieuwe alinea over waterstofkoppelingen.\n",
                          encoding="utf-8")
        page = f"{base}/documenten/2023-nl-prioriteitenbrief/"
        assert _wait_for(lambda: b"waterstofkoppelingen" in (_get(page) or b""), 120), "the edit was not rebuilt"
        time.sleep(5)  # a second build, set off by the pages the first one wrote, would start by now
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    text = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert text.count("Building documentation...") == 2, text  # the first build and one for the edit


def _tree(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_make_site_with_nothing_changed_does_nothing_and_site_is_what_a_full_build_gives(built: Path,
                                                                                        tmp_path: Path) -> None:
    """`make site` asks `benelux-site site-current` first (issue 25): true only while every input, the generator,
    the installed packages and site/ itself are as the last recorded build left them."""
    vocabulary = tmp_path / "vocabulary"
    shutil.copytree(ROOT / "vocabulary", vocabulary)
    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "raw", raw)
    work = build_site(tmp_path / "project", raw, vocabulary)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)

    def command(name: str) -> int:
        return subprocess.run([sys.executable, "-m", "generator", name, "--config", str(work / "mkdocs.yml"),
                               "--site", str(work / "site")], cwd=work, env=env).returncode

    assert command("site-current") == 1, "no build recorded yet"
    assert command("site-record") == 0
    assert command("site-current") == 0
    assert _tree(work / "site") == _tree(built / "site"), "the kept site/ is byte for byte a full build's"
    themes = vocabulary / "themes.yml"
    original = themes.read_text(encoding="utf-8")
    themes.write_text(original + "\n", encoding="utf-8")
    assert command("site-current") == 1, "a changed vocabulary needs a build"
    themes.write_text(original, encoding="utf-8")
    assert command("site-current") == 0
    page = work / "site" / "index.html"
    page.write_bytes(page.read_bytes() + b" ")
    assert command("site-current") == 1, "a site/ changed by hand is built again"
    env["SITE_URL"] = "https://www.example.nl/benelux/"
    assert command("site-current") == 1, "another address is another site"
