"""Make Pagefind's index byte-identical for the same records.

Pagefind 1.5 writes the values of each filter, and the list of filters in its metadata file, in the
order of a Rust hash map, which changes from run to run (upstream issue Pagefind/pagefind#638: "other
files will still change, such as the filter/metadata indexes"); the file names are hashes of that
content. This sorts both, names the files after their sorted content, and points the metadata and
`pagefind-entry.json` at the new names. The files are gzip-compressed CBOR after a signature, read and
written with cbor2 (integers and text in their shortest form, definite-length arrays, as Pagefind writes
them). pyproject.toml pins Pagefind exactly: this is its private format.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path
from typing import TypeAlias

import cbor2

SIGNATURE = b"pagefind_dcd"
Value: TypeAlias = "int | str | list[Value]"


def stabilise(folder: Path) -> None:
    """Rewrite the filter and metadata files of the Pagefind index in `folder` in a fixed order."""
    entry_path = folder / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    renamed: dict[str, str] = {}
    for path in sorted((folder / "filter").glob("*.pf_filter")):
        name, values = _read(path)
        if not (isinstance(values, list) and isinstance(name, str)):
            raise ValueError(f"{path}: not a Pagefind filter file of the expected form")
        data = _encode([name, sorted(values, key=_key)])
        new = _renamed(path.stem, data, 7)
        renamed[path.stem] = new
        path.unlink()
        _write(folder / "filter" / f"{new}.pf_filter", data)
    for language in entry["languages"].values():
        path = folder / f"pagefind.{language['hash']}.pf_meta"
        meta = _decode_all(_unpack(path.read_bytes()))
        filters = meta[3] if isinstance(meta, list) and len(meta) > 3 else None
        if not isinstance(meta, list) or not isinstance(filters, list) or not all(
                isinstance(f, list) and len(f) == 2 and isinstance(f[1], str) for f in filters):
            raise ValueError(f"{path}: not a Pagefind metadata file of the expected form")
        meta[3] = sorted(([f[0], renamed.get(f[1], f[1])] for f in filters if isinstance(f, list)
                          and isinstance(f[1], str)), key=_key)
        data = _encode(meta)
        language["hash"] = _renamed(language["hash"], data, 10)
        path.unlink()
        _write(folder / f"pagefind.{language['hash']}.pf_meta", data)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _key(value: Value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _renamed(old: str, data: bytes, length: int) -> str:
    """A name like Pagefind's ("nl_" and hex digits), from the content."""
    prefix = re.match(r"^(.*_)?", old)
    return (prefix.group(0) if prefix else "") + hashlib.sha256(data).hexdigest()[:length]


def _read(path: Path) -> list[Value]:
    value = _decode_all(_unpack(path.read_bytes()))
    if not isinstance(value, list) or len(value) != 2:
        raise ValueError(f"{path}: not a Pagefind filter file of the expected form")
    return value


def _unpack(compressed: bytes) -> bytes:
    data = gzip.decompress(compressed)
    if not data.startswith(SIGNATURE):
        raise ValueError("not a Pagefind index file")
    return data[len(SIGNATURE):]


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(gzip.compress(SIGNATURE + data, compresslevel=9, mtime=0))


def _decode_all(data: bytes) -> Value:
    value = cbor2.loads(data)  # raises on trailing bytes
    if not _plain(value):
        raise ValueError("a Pagefind index file with values other than integers, text and arrays")
    return value  # type: ignore[no-any-return]


def _plain(value: object) -> bool:
    """Only what Pagefind writes here: unsigned integers, text and arrays of them."""
    if isinstance(value, list):
        return all(_plain(item) for item in value)
    return isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool) and value >= 0)


def _encode(value: Value) -> bytes:
    return cbor2.dumps(value)
