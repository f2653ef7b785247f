from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.problems import InputError, Problem
from generator.core.records import DocumentKind, RawDocument
from generator.ingest import kinds, read

KINDS = {k.slug: k for k in kinds.load(Path(__file__).resolve().parent.parent / "vocabulary" / kinds.NAME)}


def read_file(path: Path) -> tuple[RawDocument | None, list[Problem]]:
    return read.read_file(path, KINDS)


def read_all(folder: Path) -> tuple[list[RawDocument], list[Problem]]:
    return read.read_all(folder, KINDS)


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_valid_file_gives_metadata_and_body(tmp_path: Path, front: str) -> None:
    path = write(tmp_path, "2026-test.txt", front + "Eerste regel.\n")
    doc, problems = read_file(path)
    assert problems == []
    assert doc is not None
    assert (doc.slug, doc.meta.year, doc.meta.country, doc.meta.kind.slug) == ("2026-test", 2026, "NL", "prioriteitenbrief")
    assert doc.body == "Eerste regel.\n"
    assert doc.first_line == 9


def test_bom_and_crlf_are_accepted(tmp_path: Path, front: str) -> None:
    path = write(tmp_path, "a.txt", b"\xef\xbb\xbf" + (front + "Tekst.\n").replace("\n", "\r\n").encode())
    doc, problems = read_file(path)
    assert problems == [] and doc is not None and doc.body == "Tekst.\n"


@pytest.mark.parametrize("content, line, words", [
    ("", 1, "empty"),
    ("Geen front matter\n", 1, "does not start with YAML front matter"),
    ("---\ntitle: x\n", 1, "not closed"),
    ("---\ntitle: [x\n---\ntekst\n", 2, "not valid YAML"),
])
def test_broken_files_are_reported_with_line(tmp_path: Path, content: str, line: int, words: str) -> None:
    doc, problems = read_file(write(tmp_path, "x.txt", content))
    assert doc is None
    assert problems[0].line == line and words in problems[0].message and problems[0].fix


def test_unknown_country_names_its_line(tmp_path: Path, front: str) -> None:
    path = write(tmp_path, "x.txt", front.replace("country: NL", "country: DE") + "tekst\n")
    doc, problems = read_file(path)
    assert doc is None
    assert [(p.line, "DE" in p.message) for p in problems] == [(5, True)]
    assert "NL (Nederland)" in problems[0].fix


def test_windows_1252_is_read_with_a_warning(tmp_path: Path, front: str) -> None:
    path = write(tmp_path, "x.txt", (front + "goed\nfinanciële “steun”\n").encode("cp1252"))
    doc, problems = read_file(path)
    assert doc is not None and "financiële “steun”" in doc.body
    assert [(p.line, p.warning) for p in problems] == [(10, True)] and "Windows-1252" in problems[0].message


def test_undecodable_bytes_name_their_line(tmp_path: Path, front: str) -> None:
    doc, problems = read_file(write(tmp_path, "x.txt", front.encode() + b"goed\nfout \x81\x8d\n"))
    assert doc is None and problems[0].line == 10 and "not valid UTF-8 (byte 0x81)" in problems[0].message


def test_missing_and_unknown_keys(tmp_path: Path, front: str) -> None:
    path = write(tmp_path, "x.txt", front.replace("issuer:", "isuer:") + "tekst\n")
    _, problems = read_file(path)
    messages = " ".join(p.message + p.fix for p in problems)
    assert "lacks the key 'issuer'" in messages and "did you mean 'issuer'" in messages
    assert [p.warning for p in problems if "isuer" in p.message] == [True]


def test_an_unknown_key_only_warns(tmp_path: Path, front: str) -> None:
    doc, problems = read_file(write(tmp_path, "x.txt", front.replace("---\ntitle", "---\nauteur: X\ntitle") + "t\n"))
    assert doc is not None and [(p.line, p.warning) for p in problems] == [(2, True)]
    assert "unknown front-matter key 'auteur' is ignored" in str(problems[0])


def test_empty_body_is_an_error(tmp_path: Path, front: str) -> None:
    _, problems = read_file(write(tmp_path, "x.txt", front + "\n  \n"))
    assert "no text below the front matter" in problems[0].message


def test_duplicate_slugs_name_both_files(tmp_path: Path, front: str) -> None:
    write(tmp_path, "a.txt", front.replace("---\ntitle", "---\nslug: zelfde\ntitle") + "tekst\n")
    write(tmp_path, "b.txt", front.replace("---\ntitle", "---\nslug: zelfde\ntitle") + "tekst\n")
    with pytest.raises(InputError) as err:
        read_all(tmp_path)
    assert "slug 'zelfde' is already used by" in str(err.value) and "a.txt" in str(err.value)


def test_the_raw_folder_reads_cleanly(root: Path) -> None:
    docs, _ = read_all(root / "raw")
    assert sorted(d.path for d in docs) == sorted(str(p) for p in (root / "raw").glob("*.txt")), "every file read"
    assert {d.slug for d in docs} == {p.stem for p in (root / "raw").glob("*.txt")}


def test_the_original_is_a_web_address(tmp_path: Path, front: str) -> None:
    good = front.replace("---\n", "---\noriginal: https://www.tweedekamer.nl/kamerstukken/brieven_regering/x\n", 1)
    doc, problems = read_file(write(tmp_path, "a.txt", good + "tekst\n"))
    assert problems == [] and doc is not None
    assert doc.meta.original == "https://www.tweedekamer.nl/kamerstukken/brieven_regering/x"
    bad = front.replace("---\n", "---\noriginal: tweedekamer.nl/x\n", 1)
    doc, problems = read_file(write(tmp_path, "b.txt", bad + "tekst\n"))
    assert doc is None and [(p.line, "is not a web address" in p.message) for p in problems] == [(2, True)]


@pytest.mark.parametrize("year, country", [(2026, "NL"), (2027, "BE"), (2025, "LU"), (1961, "BE")])
def test_country_follows_the_rotation_when_left_out(tmp_path: Path, front: str, year: int, country: str) -> None:
    text = front.replace("country: NL\n", "").replace("year: 2026", f"year: {year}")
    doc, problems = read_file(write(tmp_path, "x.txt", text + "tekst\n"))
    assert problems == [] and doc is not None and doc.meta.country == country


def test_a_country_against_the_rotation_is_kept_with_a_warning(tmp_path: Path, front: str) -> None:
    """An older presidency may have broken the cycle: the editor's country stands."""
    doc, problems = read_file(write(tmp_path, "x.txt", front.replace("country: NL", "country: LU") + "tekst\n"))
    assert doc is not None and doc.meta.country == "LU"
    assert [(p.line, p.warning) for p in problems] == [(5, True)] and "rotation" in problems[0].message


def test_yaml_aliases_are_refused_before_they_expand(tmp_path: Path, front: str) -> None:
    chain = "addressee: [&a [x, x, x], &b [*a, *a, *a], &c [*b, *b, *b]]\n"
    doc, problems = read_file(write(tmp_path, "x.txt", front.replace("---\ntitle", "---\n" + chain + "title", 1)
                                         + "tekst\n"))
    assert doc is None and [(p.line, "'*a'" in p.message) for p in problems] == [(2, True)]


def test_a_new_kind_of_document_needs_only_an_entry_in_kinds_yml(tmp_path: Path, front: str) -> None:
    path = write(tmp_path, "kinds.yml", "- slug: beschikking\n  label: Beschikking van het Comité van Ministers\n"
                                        "  letter: false\n  plan: false\n")
    known = {k.slug: k for k in kinds.load(path)}
    doc, problems = read.read_file(write(tmp_path, "x.txt", front.replace("kind: prioriteitenbrief",
                                                                         "kind: beschikking") + "tekst\n"), known)
    assert problems == [] and doc is not None
    assert doc.meta.kind == DocumentKind("beschikking", "Beschikking van het Comité van Ministers", False, False)
    _, problems = read_file(write(tmp_path, "y.txt", front.replace("kind: prioriteitenbrief", "kind: beschikking")
                                  + "tekst\n"))
    assert "unknown kind 'beschikking'" in problems[0].message and "kinds.yml" in problems[0].fix


@pytest.mark.parametrize(("entry", "message", "line"), [
    ("- slug: Jaar Plan\n  label: X\n  letter: false\n  plan: true\n", "not a slug", 1),
    ("- slug: jaarplan\n  label: Jaarplan\n  letter: ja\n  plan: true\n", "'letter' is 'ja', not true or false", 3),
    ("- slug: jaarplan\n  letter: false\n  plan: true\n", "no 'label'", 1),
    ("- slug: jaarplan\n  label: J\n  letter: false\n  plan: true\n  kleur: blauw\n", "unknown key 'kleur'", 5),
    ("- slug: jaarplan\n  label: J\n  leter: false\n  plan: true\n", "unknown key 'leter'", 3),
    ("- slug: a\n  label: A\n  letter: false\n  plan: true\n- slug: a\n  label: B\n  letter: false\n  plan: true\n",
     "listed twice", 5),
])
def test_a_bad_kinds_file_names_the_line_and_what_to_do(tmp_path: Path, entry: str, message: str, line: int) -> None:
    """The line of the key that is wrong (of the entry when a key is missing), and a "did you mean" for a misspelt
    key."""
    with pytest.raises(InputError) as stopped:
        kinds.load(write(tmp_path, "kinds.yml", entry))
    problem = stopped.value.problems[0]
    assert message in problem.message and problem.fix and problem.line == line, problem
    if "leter" in entry:
        assert "did you mean 'letter'" in problem.fix
