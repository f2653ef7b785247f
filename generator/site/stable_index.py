"""Make Pagefind's index byte-identical for the same records.

Pagefind 1.5 writes the values of each filter, and the list of filters in its metadata file, in the
order of a Rust hash map, which changes from run to run (upstream issue Pagefind/pagefind#638: "other
files will still change, such as the filter/metadata indexes"); the file names are hashes of that
content. This sorts both, names the files after their sorted content, and points the metadata and
`pagefind-entry.json` at the new names. The files are gzip-compressed CBOR after a signature; the
part of CBOR Pagefind writes here (unsigned integers, text, arrays) is read and written below.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path
from typing import TypeAlias

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
    value, end = _decode(data, 0)
    if end != len(data):
        raise ValueError("trailing bytes in a Pagefind index file")
    return value


def _decode(data: bytes, pos: int) -> tuple[Value, int]:
    major, info = data[pos] >> 5, data[pos] & 0x1F
    pos += 1
    if info < 24:
        argument = info
    elif info <= 27:
        size = 1 << (info - 24)
        argument = int.from_bytes(data[pos:pos + size], "big")
        pos += size
    else:
        raise ValueError(f"unsupported CBOR item {data[pos - 1]:#x}")
    if major == 0:
        return argument, pos
    if major == 3:
        return data[pos:pos + argument].decode("utf-8"), pos + argument
    if major == 4:
        items: list[Value] = []
        for _ in range(argument):
            item, pos = _decode(data, pos)
            items.append(item)
        return items, pos
    raise ValueError(f"unsupported CBOR major type {major}")


def _encode(value: Value) -> bytes:
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    return _head(4, len(value)) + b"".join(_encode(item) for item in value)


def _head(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise ValueError("integer too large for CBOR")
