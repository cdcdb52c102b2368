"""Retry a moment: rewrite one reply of a recorded session and see how it would have gone.

The session is rebuilt from its stored replies up to that moment (``Session.restore``, with the
stored labels, so the salesperson says exactly what they said then) and only the rewritten reply
is classified afresh. Nothing is stored: the recorded session stays as it was played.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from .engine import Session, stored_classification
from .scenario import Scenario


@dataclass(frozen=True)
class RetryResult:
    """How the rewritten reply would have landed at that moment."""

    turn_index: int
    salesperson: str  # the line the reply answers
    original_reply: str
    original_label: str
    reply: str
    label: str
    cue: str
    try_instead: str | None
    response: str  # what the salesperson would have said back
    ended: bool
    outcome: str  # the session's outcome right after the rewritten reply ('unfinished' if it goes on)


def retry_turn(scenario: Scenario, seed: int, stored_replies: Sequence[Mapping], turn_index: int,
               new_text: str) -> RetryResult:
    """Replay ``stored_replies`` (stored turn dicts: reply, label, cue) before ``turn_index``, then
    classify and apply ``new_text`` in its place. Raises ValueError for a moment that does not exist
    and ``ReplyRefused`` for an empty or over-long reply."""
    if not 0 <= turn_index < len(stored_replies):
        raise ValueError(f"reply {turn_index + 1} does not exist (the session has {len(stored_replies)} replies)")
    earlier = [(turn["reply"], stored_classification(turn, scenario)) for turn in stored_replies[:turn_index]]
    session = Session.restore(scenario, seed, earlier)
    if session.finished or len(session.turns) != turn_index:
        raise ValueError(f"reply {turn_index + 1} cannot be replayed: the session ended before it "
                         "(the scenario may have been edited since)")
    original = stored_replies[turn_index]
    turn = session.reply(new_text)
    return RetryResult(
        turn_index=turn_index, salesperson=turn.salesperson, original_reply=original["reply"],
        original_label=original["label"], reply=turn.reply, label=turn.label, cue=turn.cue,
        try_instead=turn.try_instead, response=turn.response, ended=turn.ended, outcome=session.outcome,
    )
