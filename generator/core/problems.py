"""Input problems, collected across all files and reported at once."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file, and how to fix it."""

    path: str
    line: int
    message: str
    fix: str
    warning: bool = False
    """A warning names something odd but does not stop the build."""

    def __str__(self) -> str:
        kind = "warning: " if self.warning else ""
        return f"{self.path}:{self.line}: {kind}{self.message}\n    fix: {self.fix}"


class InputError(Exception):
    """Raised when the inputs cannot be turned into a site; holds every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
