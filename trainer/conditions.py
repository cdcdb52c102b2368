"""Plain state conditions such as ``openness >= 3 and told < 2``.

Scenario files are written by trainers and imported from strangers, so a condition is parsed by a
tiny grammar and never evaluated as code:

    condition  := clause ("or" clause)*
    clause     := comparison ("and" comparison)*
    comparison := NAME OP INTEGER        with OP one of  < <= > >= == !=
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from typing import Callable, Mapping

_OPERATORS: dict[str, Callable[[int, int], bool]] = {
    "<=": operator.le,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    ">": operator.gt,
}
_COMPARISON = re.compile(r"^\s*([a-z_][a-z0-9_]*)\s*(<=|>=|==|!=|<|>)\s*(-?\d+)\s*$")


class ConditionError(ValueError):
    """A condition that does not follow the grammar; the message says what is wrong."""


@dataclass(frozen=True)
class Comparison:
    name: str
    op: str
    value: int

    def holds(self, state: Mapping[str, int]) -> bool:
        return _OPERATORS[self.op](state.get(self.name, 0), self.value)


@dataclass(frozen=True)
class Condition:
    """Disjunction of conjunctions of comparisons."""

    text: str
    clauses: tuple[tuple[Comparison, ...], ...]

    def holds(self, state: Mapping[str, int]) -> bool:
        return any(all(c.holds(state) for c in clause) for clause in self.clauses)

    @property
    def names(self) -> set[str]:
        return {c.name for clause in self.clauses for c in clause}


def parse_condition(text: str) -> Condition:
    """Parse ``text``; raises ConditionError naming the part that does not parse."""
    if not isinstance(text, str) or not text.strip():
        raise ConditionError("a condition must be a non-empty text such as 'openness >= 3'")
    clauses = []
    for clause_text in re.split(r"\s+or\s+", text.strip()):
        comparisons = []
        for part in re.split(r"\s+and\s+", clause_text):
            match = _COMPARISON.match(part)
            if not match:
                raise ConditionError(
                    f"cannot read {part.strip()!r} in condition {text!r}: write a comparison like "
                    "'trust >= 2', joined by 'and' / 'or'"
                )
            comparisons.append(Comparison(match[1], match[2], int(match[3])))
        clauses.append(tuple(comparisons))
    return Condition(text.strip(), tuple(clauses))
