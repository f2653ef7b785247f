"""The deployment made from a built site, on tiny sites written for the test (no build, no server)."""

from __future__ import annotations

import base64
import gzip
import hashlib
from pathlib import Path

import pytest

from generator.core.problems import InputError
from generator.site import deploy, nginx, static_hosts

PAGE = """<!doctype html><html><head><style media="print">@page {{ margin: 1cm }} /* {title} */</style>
<script>var a = 1 < 2 && "{title}";</script><script src="app.js"></script>
<script type="application/json" id="__config">{{"base": "."}}</script></head><body><p>{title}</p></body></html>"""
MOVED = """<!doctype html><html><head><meta http-equiv="refresh" content="0; url=../nieuw/">
<script>location.replace("../nieuw/" + location.hash)</script></head><body></body></html>"""


def digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    for path, text in {"index.html": PAGE.format(title="Start"), "themas/nieuw/index.html": PAGE.format(title="Nieuw"),
                       "themas/oud/index.html": MOVED, "404.html": PAGE.format(title="Niet gevonden"),
                       "app.js": "console.log(1)\n", "assets/main.0123abcd.min.css": "p{}",
                       "feeds/alles.xml": "<feed/>", "pagefind/fragment/nl_0b7df24.pf_fragment": "x"}.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def test_the_hashes_are_those_of_the_inline_scripts_and_styles(site: Path) -> None:
    made = deploy.read(site, "/")
    page = next(p for p in made.pages if p.path == "index.html")
    assert page.scripts == (digest('var a = 1 < 2 && "Start";'),)  # not the external script, not the JSON
    assert page.styles == (digest("@page { margin: 1cm } /* Start */"),)
    assert set(made.script_hashes) == {digest(f'var a = 1 < 2 && "{t}";') for t in ("Start", "Nieuw", "Niet gevonden")} \
        | {digest('location.replace("../nieuw/" + location.hash)')}


def test_a_moved_page_becomes_a_301_in_nginx_and_for_static_hosts(site: Path) -> None:
    made = deploy.read(site, "/benelux/")
    assert made.redirects == (("themas/oud/", "themas/nieuw/"),)
    http = nginx.http_conf(made)
    for old in ("/benelux/themas/oud/", "/benelux/themas/oud", "/benelux/themas/oud/index.html"):
        assert f'"{old}" "/benelux/themas/nieuw/";' in http
    assert static_hosts.redirects(made).splitlines()[1:] == ["/benelux/themas/oud/ /benelux/themas/nieuw/ 301",
                                                             "/benelux/themas/oud /benelux/themas/nieuw/ 301"]
    assert "error_page 404 /benelux/404.html;" in nginx.server_conf(made)


def test_each_page_gets_its_own_style_hash_and_hashed_files_are_immutable(site: Path) -> None:
    made = deploy.read(site, "/")
    http = nginx.http_conf(made)
    assert f"\"/themas/nieuw/index.html\" \"'{digest('@page { margin: 1cm } /* Nieuw */')}'\";" in http
    headers = static_hosts.headers(made)
    assert "/themas/nieuw/\n  Content-Security-Policy: " in headers
    assert "/assets/main.0123abcd.min.css\n  Cache-Control: public, max-age=31536000, immutable" in headers
    assert "/pagefind/fragment/nl_0b7df24.pf_fragment\n  Cache-Control: public" in headers
    assert "/app.js\n  Cache-Control" not in headers


@pytest.mark.parametrize("markup", ['<button onclick="go()">x</button>', '<p style="color: red">x</p>',
                                    '<a href="javascript:go()">x</a>'])
def test_what_no_hash_can_allow_stops_the_deployment(site: Path, markup: str) -> None:
    (site / "index.html").write_text(PAGE.format(title="Start").replace("<p>", markup + "<p>"), encoding="utf-8")
    with pytest.raises(InputError, match="no hash can allow") as caught:
        deploy.read(site, "/")
    assert str(site / "index.html") in str(caught.value)


def test_a_file_of_unknown_type_stops_the_deployment(site: Path) -> None:
    (site / "data.bin").write_bytes(b"x")
    with pytest.raises(InputError, match="known content type"):
        deploy.read(site, "/")


def test_the_compressed_copies_are_equal_and_the_same_on_every_build(site: Path) -> None:
    deploy.write(site)
    first = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    zipped = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.gz"))
    assert zipped == sorted(["index.html.gz", "themas/nieuw/index.html.gz", "themas/oud/index.html.gz", "404.html.gz",
                             "app.js.gz", "assets/main.0123abcd.min.css.gz", "feeds/alles.xml.gz"])
    for name in zipped:
        assert gzip.decompress((site / name).read_bytes()) == (site / name.removesuffix(".gz")).read_bytes()
    deploy.write(site)
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == first
    assert (site / "_nginx" / "server.conf").is_file() and (site / "_headers").is_file()
