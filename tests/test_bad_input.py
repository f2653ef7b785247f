"""Bad input: a clear message naming file and line, a non-zero exit, and the last good output untouched.

Each case runs the build in-process (`generator.build.build`: the messages the readers return, in milliseconds);
a few also run the command line end to end, for its exit status and its words."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import ROOT, build_site, generate

from generator.build import build
from generator.core.problems import InputError

GOOD = ROOT / "raw" / "2023-nl-prioriteitenbrief.txt"
FRONT = "---\ntitle: Nieuw document\nkind: prioriteitenbrief\nyear: 2024\ncountry: BE\nissuer: X\n---\n"
BODY = "Per 1 januari 2024 neemt België het voorzitterschap over.\n"
ALIAS_CHAIN = "addressee: [&a [x, x, x, x, x, x, x, x, x], &b [*a, *a, *a, *a, *a, *a, *a, *a, *a], &c [*b, *b, *b, *b, *b, *b, *b, *b, *b], &d [*c, *c, *c, *c, *c, *c, *c, *c, *c], &e [*d, *d, *d, *d, *d, *d, *d, *d, *d], &f [*e, *e, *e, *e, *e, *e, *e, *e, *e], &g [*f, *f, *f, *f, *f, *f, *f, *f, *f], &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]]"
"""Nine lists of nine, eight levels deep: a few hundred bytes that stand for 43 million words."""


def _build(raw: Path, out: Path, vocabulary: Path = ROOT / "vocabulary") -> None:
    """Build in-process, as the command line does; raises InputError with every problem."""
    build(raw_dir=raw, vocabulary_dir=vocabulary, templates_dir=ROOT / "templates", out=out, site_url="")


@pytest.fixture(scope="module")
def good_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One good document, built once for the module."""
    work = tmp_path_factory.mktemp("good")
    raw, out = work / "raw", work / "out"
    raw.mkdir()
    shutil.copy(GOOD, raw)
    _build(raw, out)
    return raw, out


@pytest.fixture
def project(tmp_path: Path, good_build: tuple[Path, Path]) -> tuple[Path, Path, dict[Path, bytes]]:
    """A copy of the good build (raw folder and output) to add a bad file to; returns raw, out and the built
    files. The output's state file names the copied files by path relative to it, so the copy is up to date."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(good_build[0], raw)
    shutil.copytree(good_build[1], out, copy_function=shutil.copy2)
    return raw, out, _files(out)


def _files(out: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}


CASES = {
    "empty": (b"", r"nieuw\.txt:1: the file is empty"),
    "binary": (b"%PDF-1.7\n\x00\x01\x02", r"nieuw\.txt:2: the file is binary, not text"),
    "not decodable": ((FRONT + "fout ").encode() + b"\x81\x8d\n", r"nieuw\.txt:8: the file is not valid UTF-8 \(byte 0x81\)"),
    "no front matter": (BODY.encode(), r"nieuw\.txt:1: the file does not start with YAML front matter"),
    "front matter not closed": (FRONT[:-4].encode() + BODY.encode(), r"nieuw\.txt:1: the front matter is not closed"),
    "front matter not YAML": (b"---\ntitle: [Nieuw\n---\n" + BODY.encode(), r"nieuw\.txt:2: the front matter is not valid YAML"),
    "year outside any presidency": (FRONT.replace("2024", "1900").encode() + BODY.encode(),
                                    r"nieuw\.txt:4: 'year': 1900 is not a presidency year \(1958–2100\)"),
    "YAML alias chain": (FRONT.replace("issuer: X", "issuer: X\n" + ALIAS_CHAIN).encode() + BODY.encode(),
                         r"nieuw\.txt:7: the front matter repeats a value with a YAML alias \('\*a'\)"),
    "a title that is a text": (FRONT.replace("Nieuw document", "woord " * 500).encode() + BODY.encode(),
                               r"nieuw\.txt:2: 'title': is \d+ characters long, more than 2000"),
    "addressee as a list": (FRONT.replace("issuer: X", "issuer: X\naddressee: [Kamer, Senaat]").encode() + BODY.encode(),
                            r"nieuw\.txt:7: 'addressee': must be non-empty text"),
    "unknown country": (FRONT.replace("country: BE", "country: Belgie").encode() + BODY.encode(),
                        r"nieuw\.txt:5: 'country': unknown presiding country 'Belgie'"),
    "path outside the output folder": (FRONT.replace("---\ntitle", "---\nslug: ../../etc/passwd\ntitle").encode() + BODY.encode(),
                                       r"nieuw\.txt:1: '\.\./\.\./etc/passwd' is not a valid slug"),
    "same slug twice": (FRONT.replace("---\ntitle", "---\nslug: 2023-nl-prioriteitenbrief\ntitle").encode() + BODY.encode(),
                        r"slug '2023-nl-prioriteitenbrief' is already used by"),
    "slug of a list page": (FRONT.replace("---\ntitle", "---\nslug: index\ntitle").encode() + BODY.encode(),
                            r"nieuw\.txt:1: the page documenten/index\.md would be made twice: for .*nieuw\.txt and "
                            r"for the site's own page"),
    "quote followed by text": (FRONT.replace("title: Nieuw document", 'title: "Nieuw" document').encode() + BODY.encode(),
                               r"nieuw\.txt:2: the front matter is not valid YAML: text follows a quoted value on the "
                               r"same line \(in: 'title: \"Nieuw\" document'\)"),
    "quote never closed": (FRONT.replace("title: Nieuw document", 'title: "Nieuw document').encode() + BODY.encode(),
                           r"nieuw\.txt:2: the front matter is not valid YAML: a quote that is never closed"),
    "a list where a word belongs": (FRONT.replace("country: BE", "country: [BE]").encode() + BODY.encode(),
                                    r"nieuw\.txt:5: 'country': unknown presiding country \['BE'\]"),
    "tab indent": (FRONT.replace("kind:", "\tkind:").encode() + BODY.encode(),
                   r"nieuw\.txt:3: the front matter is not valid YAML: a tab"),
    "source as a number": (FRONT.replace("issuer: X", "issuer: X\nsource: 36410").encode() + BODY.encode(),
                           r"nieuw\.txt:7: 'source': must be non-empty text"),
    "year in quotes": (FRONT.replace("year: 2024", 'year: "2024"').encode() + BODY.encode(),
                       r"nieuw\.txt:4: 'year': '2024' is not a presidency year"),
    "a slug that is a number": (FRONT.replace("---\ntitle", "---\nslug: 2024\ntitle").encode() + BODY.encode(),
                                r"nieuw\.txt:2: 'slug': must be non-empty text"),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_raw_file_stops_the_build_and_keeps_the_output(project: tuple, case: str) -> None:
    raw, out, before = project
    data, message = CASES[case]
    (raw / "nieuw.txt").write_bytes(data)
    with pytest.raises(InputError) as stopped:
        _build(raw, out)
    assert re.search(message, str(stopped.value)), str(stopped.value)
    assert all(p.fix for p in stopped.value.problems)
    assert _files(out) == before


@pytest.mark.slow
@pytest.mark.parametrize("case", ["empty", "YAML alias chain", "same slug twice"])
def test_the_command_line_exits_1_and_writes_nothing(project: tuple, case: str) -> None:
    raw, out, before = project
    data, message = CASES[case]
    (raw / "nieuw.txt").write_bytes(data)
    result = generate(raw, out)
    assert result.returncode == 1, result.stdout
    assert re.search(message, result.stderr), result.stderr
    assert "fix: " in result.stderr and "nothing was written" in result.stderr
    assert _files(out) == before


WARNINGS = {
    "byte-order mark": (b"\xef\xbb\xbf" + (FRONT + BODY).encode(), None),
    "CRLF line ends": ((FRONT + BODY).replace("\n", "\r\n").encode(), None),
    "Windows-1252": ((FRONT + "De financiële “steun”.\n").encode("cp1252"), r"nieuw\.txt:8: warning: the file is not UTF-8"),
    "UTF-16 with byte-order mark": ((FRONT + "De financiële “steun”.\n").encode("utf-16"),
                                    r"nieuw\.txt:1: warning: the file is UTF-16 \(little-endian\), not UTF-8; it was "
                                    r"read as UTF-16"),
    "UTF-16 without byte-order mark": ((FRONT + BODY).encode("utf-16-be"),
                                       r"nieuw\.txt:1: warning: the file is UTF-16 \(big-endian\)"),
    "unknown key": (FRONT.replace("issuer: X", "issuer: X\nauteur: Y").encode() + BODY.encode(),
                    r"nieuw\.txt:7: warning: unknown front-matter key 'auteur' is ignored"),
    "country against the rotation": (FRONT.replace("country: BE", "country: NL").encode() + BODY.encode(),
                                     r"nieuw\.txt:5: warning: 'country': NL differs from the rotation, which gives 2024 "
                                     r"to BE \(België\); NL is kept"),
    "no country": (FRONT.replace("country: BE\n", "").encode() + BODY.encode(), None),
}


@pytest.mark.parametrize("case", WARNINGS)
def test_fixable_input_builds_and_says_so(project: tuple, case: str) -> None:
    raw, out, _ = project
    data, message = WARNINGS[case]
    (raw / "nieuw.txt").write_bytes(data)
    outcome = build(raw_dir=raw, vocabulary_dir=ROOT / "vocabulary", templates_dir=ROOT / "templates", out=out,
                    site_url="")
    assert outcome.corpus is not None
    warnings = "\n".join(str(w) for w in outcome.corpus.warnings)
    if message:
        assert re.search(message, warnings), warnings
    page = (out / "documenten" / "nieuw.md").read_text(encoding="utf-8")
    assert "\r" not in page and "\ufeff" not in page
    special = case in ("Windows-1252", "UTF-16 with byte-order mark")
    assert ("financiële “steun”" if special else "neemt België het voorzitterschap over") in page


VOCABULARY = {
    "duplicate slug": ("- slug: energie\n  label: Energie\n  terms: [energie]\n", r"themes\.yml:\d+: slug 'energie' is used twice"),
    "empty term list": ("- slug: extra\n  label: Extra\n  terms: []\n", r"themes\.yml:\d+: entry 'extra' has an empty or invalid term list"),
    "alias that leaves its folder": ("- slug: extra\n  label: Extra\n  terms: [extra]\n  aliases: ['../../x']\n",
                                     r"themes\.yml:\d+: the aliases of 'extra' are not a list of slugs"),
    "alias not in a list": ("- slug: extra\n  label: Extra\n  terms: [extra]\n  aliases: oud\n",
                            r"themes\.yml:\d+: the aliases of 'extra' are not a list of slugs: 'oud'"),
    "slug as a list": ("- slug: [extra]\n  label: Extra\n  terms: [extra]\n", r"themes\.yml:\d+: invalid or missing slug"),
    "invalid pattern": ("- slug: extra\n  label: Extra\n  terms: ['re:(']\n", r"themes\.yml:\d+: term 're:\(' of 'extra' is not a valid pattern"),
    "YAML alias": ("- slug: extra\n  label: &l Extra\n  description: *l\n  terms: [extra]\n",
                   r"themes\.yml:\d+: the file repeats a value with a YAML alias \('\*l'\)"),
    "misspelt key": ("- slug: extra\n  lable: Extra\n  terms: [extra]\n",
                     r"themes\.yml:\d+: unknown key 'lable' in 'extra'\n    fix: did you mean 'label'\?"),
    "threshold in words": ("- slug: extra\n  label: Extra\n  terms: [extra]\n  threshold: hoog\n",
                           r"themes\.yml:\d+: the threshold of 'extra' is not a positive number: 'hoog'"),
}


@pytest.mark.parametrize("case", VOCABULARY)
def test_bad_vocabulary_stops_the_build(project: tuple, tmp_path: Path, case: str) -> None:
    raw, out, before = project
    vocabulary = tmp_path / "vocabulary"
    shutil.copytree(ROOT / "vocabulary", vocabulary)
    with (vocabulary / "themes.yml").open("a", encoding="utf-8") as themes:
        themes.write("\n" + VOCABULARY[case][0])
    with pytest.raises(InputError) as stopped:
        _build(raw, out, vocabulary)
    assert re.search(VOCABULARY[case][1], str(stopped.value)), str(stopped.value)
    assert _files(out) == before


HOSTILE = """Dit document bevat <script>alert("x")</script> en <b>vet</b> en <!-- commentaar -->.

# Geen kop en *geen nadruk* en [geen link](https://example.org) en `code`.

Jinja blijft tekst: {{ config.site_name }} en {% include "home.md.j2" %} en {# niets #}.

1. Geen lijst maar tekst.

""" + "Een erg lange regel " * 2000 + "eindigt hier.\n"


@pytest.mark.slow
def test_hostile_raw_text_is_shown_as_text(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(GOOD, raw)
    (raw / "2024-be-test.txt").write_text(FRONT + HOSTILE, encoding="utf-8")
    site = build_site(tmp_path / "work", raw) / "site"
    html = (site / "documenten" / "2024-be-test" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert "<script>alert" not in html and "<b>vet</b>" not in article and "<!-- commentaar" not in article
    assert "&lt;script&gt;alert" in article and "&lt;b&gt;vet&lt;/b&gt;" in article
    assert "{{ config.site_name }}" in article and "{% include" in article and "{# niets #}" in article
    # *…* and **…** are the one Markdown the raw texts carry on purpose (the annual plan's italics and bold).
    assert "# Geen kop en <em>geen nadruk</em> en [geen link](https://example.org) en `code`." in article
    assert "<h1 id=\"geen" not in article and 'href="https://example.org"' not in article
    assert "1. Geen lijst maar tekst." in article and article.count("Een erg lange regel") == 2000
