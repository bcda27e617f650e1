"""Read-only views of a validated plan, usable without importing pydantic.

Importing pydantic's model machinery takes about half as long again as starting the
tool, so the commands that run again and again (`status`, `log`) read a plan that did
not change from the cache as views: `View` holds one validated model's field values
(nested models are views too) and answers attribute access like the model would;
`PlanView` has the plan's methods as well (`PlanMethods`, shared with `model.Plan`).
Anything else a model has (`model_dump()`, a method added later) is answered by the
real pydantic model, built from the view on first need, so code that gets a view
never has to know. `ActivityRecord` is the light form of one activity.

Nothing here imports pydantic or `samverkan.model` at import time.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from pydantic import BaseModel

    from samverkan.plan.model import Activity, Pledge


OWNERS = ("polis", "kommun", "gemensamt")  # the values of model.Owner, Counting, Direction
COUNTINGS = ("sum", "places", "weeks")
DIRECTIONS = ("decrease", "increase")


class ActivityRecord(NamedTuple):
    """A validated activity as a plain tuple, what `status` and `log` compute with: the
    fields and values of `model.Activity` (tags as a tuple) in a fraction of its memory."""

    id: str | None
    pledge: str
    date: dt.date
    count: int
    place: str | None
    tags: tuple[str, ...]
    by: str | None
    note: str | None

    @classmethod
    def of(cls, a: Activity) -> ActivityRecord:
        return cls(a.id, a.pledge, a.date, a.count, a.place, tuple(a.tags), a.by, a.note)


class PlanMethods:
    """What a plan can answer besides its fields; shared by `model.Plan` and `PlanView`."""

    __slots__ = ()  # (and no annotations: pydantic would take them for fields of Plan)

    @property
    def first_day(self: Any) -> dt.date:
        return dt.date(self.year, 1, 1)

    @property
    def last_day(self: Any) -> dt.date:
        return dt.date(self.year, 12, 31)

    def pledge(self: Any, pledge_id: str) -> Pledge | None:
        return next((p for p in self.pledges if p.id == pledge_id), None)

    def period(self: Any, pledge: Pledge) -> tuple[dt.date, dt.date]:
        """The pledge's counting period: the target's start/due, else the plan year."""
        target = pledge.target
        start = target.start if target and target.start else self.first_day
        due = target.due if target and target.due else self.last_day
        return start, due


class View:
    """One validated model instance (`model.Pledge`, `model.Goal`, …) as read-only values."""

    __slots__ = ("_kind", "_values", "_model")

    def __init__(self, kind: str, values: dict[str, Any]):
        object.__setattr__(self, "_kind", kind)
        object.__setattr__(self, "_values", values)
        object.__setattr__(self, "_model", None)

    def __getattr__(self, name: str) -> Any:
        values = object.__getattribute__(self, "_values")
        if name in values:
            return values[name]
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.model(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{self._kind} is read-only")

    def model(self) -> BaseModel:
        """The pydantic model this view stands for (validated again, once)."""
        found = object.__getattribute__(self, "_model")
        if found is None:
            from samverkan.plan import model

            found = getattr(model, self._kind).model_validate(plain(self))
            object.__setattr__(self, "_model", found)
        return found

    def __eq__(self, other: object) -> bool:
        if isinstance(other, View):
            return self._kind == other._kind and self._values == other._values
        if type(other).__name__ == self._kind and hasattr(type(other), "model_fields"):
            return self.model() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.model())

    def __reduce__(self) -> tuple:
        return (make_view, (self._kind, self._values))

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in self._values.items())
        return f"{self._kind}View({inner})"


class PlanView(PlanMethods, View):
    """A `model.Plan` as a view (see `View`)."""

    __slots__ = ()


def make_view(kind: str, values: dict[str, Any]) -> Any:
    """A view of a `kind` model (a `PlanView` for a plan) holding `values`."""
    return (PlanView if kind == "Plan" else View)(kind, values)


def view_of(value: Any) -> Any:
    """`value` with every pydantic model in it (in lists, tuples, dicts) made a view."""
    fields = getattr(type(value), "model_fields", None)
    if fields is not None and hasattr(value, "model_dump"):
        return make_view(type(value).__name__, {name: view_of(getattr(value, name))
                                            for name in fields})
    if isinstance(value, list):
        return [view_of(v) for v in value]
    if isinstance(value, tuple):
        return tuple(view_of(v) for v in value)
    if isinstance(value, dict):
        return {k: view_of(v) for k, v in value.items()}
    return value


def plain(value: Any) -> Any:
    """The plain data a view (or a value holding views) was made from."""
    if isinstance(value, View):
        return {k: plain(v) for k, v in object.__getattribute__(value, "_values").items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(plain(v) for v in value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value
