"""Every input file is checked against a typed schema (pydantic): each value of the right type and size, unknown keys
named with a "did you mean" hint, and each problem reported as a `Problem` at its YAML line, in the editor's words
and with how to fix it.

A schema is a pydantic model; a field may carry `Expect(message, fix)` in its `Annotated` metadata: the words for
any value of the wrong type or shape, or for a missing key (`missing`). A validator that finds a value wrong raises
`wrong(message, fix)`, which is reported as it is."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, ClassVar, TypeVar

import pydantic
import yaml
from pydantic_core import ErrorDetails, PydanticCustomError

from ..core.problems import InputError, Problem

M = TypeVar("M", bound=pydantic.BaseModel)
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""A slug: part of a published URL."""
Slug = Annotated[str, pydantic.StringConstraints(pattern=rf"^{SLUG.pattern}$")]
Words = Annotated[str, pydantic.StringConstraints(strip_whitespace=True, min_length=1)]
"""Non-empty text."""


class Schema(pydantic.BaseModel):
    """Base of the input schemas: values are not coerced (a year is a number, a flag true or false), unknown keys are
    refused (`validate` names them first), records are frozen."""

    model_config = pydantic.ConfigDict(strict=True, extra="forbid", frozen=True)
    field_words: ClassVar[str] = ""
    """What goes before the message of a `wrong` value ("'{key}': " names the key)."""


@dataclass(frozen=True)
class Expect:
    """What a field must hold, as the message of a problem: `message` for a value of the wrong type or shape, and
    `missing` and `missing_fix` for an absent required key ("" → `message`, `fix`). The messages may use {value!r},
    {key} and the `names` of `validate`."""

    message: str
    fix: str
    missing: str = ""
    missing_fix: str = ""


def wrong(message: str, fix: str) -> PydanticCustomError:
    """The error a field validator raises: reported with these words and this fix."""
    return PydanticCustomError("wrong", "{message}", {"message": message, "fix": fix})


def validate(schema: type[M], values: Mapping[str, Any], *, path: str, line: int, lines: Mapping[str, int],
             unknown: str = "unknown key '{key}'", unknown_is_warning: bool = False,
             names: Mapping[str, object] | None = None) -> tuple[M | None, list[Problem]]:
    """The record of `values`, or None; and every problem. `line`: where the mapping starts; `lines`: where each of
    its keys is; `names`: more words the messages may use ({slug!r}). An unknown key is a problem worded by
    `unknown`, with a "did you mean" hint; as a warning, the key is left out and the rest still makes a record."""
    names = {"key": "", **(names or {})}
    known = list(schema.model_fields)
    extra = [key for key in values if key not in known]
    problems = [Problem(path, lines.get(str(key), line), unknown.format(**{**names, "key": key}),
                        hint(str(key), known), warning=unknown_is_warning) for key in extra]
    record, found = _check(schema, {k: v for k, v in values.items() if k in known}, path, line, lines, names)
    return (None if extra and not unknown_is_warning else record), problems + found


def _check(schema: type[M], values: Mapping[str, Any], path: str, line: int, lines: Mapping[str, int],
           names: Mapping[str, object]) -> tuple[M | None, list[Problem]]:
    try:
        return schema.model_validate(values), []
    except pydantic.ValidationError as err:
        problems = []
        for error in err.errors(include_url=False):
            field = str(error["loc"][0]) if error["loc"] else ""
            at = lines.get(field, line)
            problems.append(Problem(path, at, *_words(schema, field, error, values, names)))
        return None, _unique(problems)


def _words(schema: type[pydantic.BaseModel], field: str, error: ErrorDetails, values: Mapping[str, Any],
           names: Mapping[str, object]) -> tuple[str, str]:
    """(message, fix) of one pydantic error."""
    context = error.get("ctx") or {}
    if error["type"] == "wrong":
        before = schema.field_words.format(**{**names, "key": field}) if issubclass(schema, Schema) else ""
        return before + str(context["message"]), str(context["fix"])
    expect = next((m for m in schema.model_fields[field].metadata if isinstance(m, Expect)), None) \
        if field in schema.model_fields else None
    if expect is None:
        return f"'{field}': {error['msg']}", "see the example at the top of the file"
    missing = error["type"] == "missing"
    template = expect.missing if missing and expect.missing else expect.message
    fix = expect.missing_fix if missing and expect.missing_fix else expect.fix
    return template.format(**{**names, "value": None if missing else values.get(field), "key": field}), fix


def _unique(problems: list[Problem]) -> list[Problem]:
    """One problem per message: a union type gives one error per member it tried."""
    kept: dict[tuple[int, str], Problem] = {}
    for problem in problems:
        kept.setdefault((problem.line, problem.message), problem)
    return list(kept.values())


def hint(key: str, known: list[str]) -> str:
    """The fix for an unknown key: the known key it is closest to, or all of them."""
    close = difflib.get_close_matches(key, known, n=1)
    return f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(known)}"


@dataclass(frozen=True)
class Entry:
    """One entry of a YAML list file, with the lines it and its keys start on."""

    value: object
    line: int
    lines: dict[str, int]


def entries(path: Path, example: str, empty: bool = False) -> list[Entry]:
    """The entries of a YAML list file; InputError when the file is not valid YAML, repeats a value with an alias,
    or is not a list (an empty file is an empty list when `empty` allows it). `example` shows a good entry."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
        alias = first_alias(text)
        if alias is not None:
            raise InputError([alias_problem(name, alias, first_line=1)])
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        values = yaml.safe_load(text)
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        mark = getattr(err, "problem_mark", None)
        raise InputError([Problem(name, mark.line + 1 if mark else 1, f"not valid YAML: {err}",
                                  f"write a list of entries such as:\n{example}")]) from None
    if values is None and empty:
        return []
    if not isinstance(values, list) or not isinstance(node, yaml.SequenceNode):
        raise InputError([Problem(name, 1, "the file is not a list of entries", f"for example:\n{example}")])
    return [Entry(value, item.start_mark.line + 1,
                  {k.value: k.start_mark.line + 1 for k, _ in item.value} if isinstance(item, yaml.MappingNode) else {})
            for value, item in zip(values, node.value, strict=True)]


Loader = type[yaml.SafeLoader | yaml.CSafeLoader]
"""PyYAML's safe loader, in C (libyaml) or in Python."""


def first_alias(text: str, loader: Loader = yaml.SafeLoader) -> yaml.AliasEvent | None:
    """The first YAML alias (``*name``) of an input file: every input refuses them, since an alias chain of a few
    hundred bytes can stand for gigabytes of text. None also for invalid YAML, which the loader reports."""
    try:
        return next((e for e in yaml.parse(text, Loader=loader) if isinstance(e, yaml.AliasEvent)), None)
    except yaml.YAMLError:
        return None


def alias_problem(name: str, alias: yaml.AliasEvent, first_line: int) -> Problem:
    """The problem of an alias; `first_line`: the file's line of the text's first line."""
    line = alias.start_mark.line + first_line if alias.start_mark else first_line
    what = "the front matter" if first_line > 1 else "the file"
    return Problem(name, line, f"{what} repeats a value with a YAML alias ('*{alias.anchor}')",
                   "write the value out in full, without '&' and '*'")
