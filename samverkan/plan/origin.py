"""Where a pledge's or a goal's values come from: the source's words, or the group's decision.

A plan tells it with two keys on a pledge or a goal:

    source: "Varje år kommer minst en tillsyn av de som bedriver handel med tobak och alkohol göras."
    decided: {by: beredningsgruppen, values: [owner, focus_area], note: …}

`source` quotes the agreement's background document word for word; `decided` names the
values the group chose itself (no `values`: the whole pledge or goal is the group's). A
value that `decided` does not name comes from the quoted source; a goal's baseline comes
from its own `source` (the baseline's, beside its figure).

`value_origins` is the one rule, over plain values, so that `validate` (which reads plain
data) and every output (which read the records) agree. Pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

SOURCE, DECIDED = "source", "decided"


def value_origins(values: Iterable[str], source: Any, decided: Any,
                  own: Mapping[str, bool] | None = None) -> dict[str, str | None]:
    """Each of `values` → "decided", "source" or None (neither quoted nor marked).

    `source` is the quoted sentence (or None), `decided` the names the decision lists
    (None: no decision; empty: everything is decided). `own` says, for a value that has
    its own source beside it (a goal's baseline), whether that source is given."""
    own = own or {}
    out: dict[str, str | None] = {}
    for value in values:
        if decided is not None and (not decided or value in decided):
            out[value] = DECIDED
        elif value in own:
            out[value] = SOURCE if own[value] else None
        else:
            out[value] = SOURCE if source else None
    return out


def pledge_origins(pledge: Any) -> dict[str, str | None]:
    """Owner, focus area and target of a `Pledge` record: where each comes from."""
    from samverkan.plan.model import PLEDGE_VALUES

    decided = pledge.decided
    return value_origins(PLEDGE_VALUES, pledge.source,
                         None if decided is None else decided.values)


def goal_origins(goal: Any) -> dict[str, str | None]:
    """Indicator, direction and baseline of a `Goal` record (no baseline: not listed)."""
    from samverkan.plan.model import GOAL_VALUES

    decided = goal.decided
    values = [v for v in GOAL_VALUES if v != "baseline" or goal.baseline is not None]
    own = {"baseline": bool(goal.baseline.source)} if goal.baseline is not None else {}
    return value_origins(values, goal.source, None if decided is None else decided.values, own)


def origin_dict(record: Any, origins: dict[str, str | None]) -> dict[str, Any]:
    """The `origin` object of `status --format json` for a pledge or a goal."""
    decided = record.decided
    return {
        "source": record.source,
        "decided": None if decided is None else {
            "by": decided.by, "values": list(decided.values), "note": decided.note},
        "by_value": origins,
    }
