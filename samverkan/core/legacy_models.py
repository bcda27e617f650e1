"""pydantic field types of the kinds of file not yet described as records (EST files,
data series). The plan and the agreement are records (`plan.model`, `core.records`);
these go the same way, and this module with them.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints

from samverkan.core.records import no_number_as_date

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Date = Annotated[dt.date, BeforeValidator(no_number_as_date)]


def _none_as_empty_list(value: Any) -> Any:
    return [] if value is None else value


def check_value_or_range(value: float | None, low: float | None, high: float | None,
                         prefix: str) -> None:
    from samverkan.plan.model import check_value_or_range as check

    check({"value": value, "low": low, "high": high}, prefix)


class _Base(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
