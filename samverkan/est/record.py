"""Writing EST records: observations, analyses, measures and follow-ups.

Each `record_*` function checks everything it can before the lock is taken (a refusal
raises `UsageError` and leaves no trace, not even a lock file), then appends one line
under `writer.update_file` (lock, re-check, atomic replace) with `writer.append_item`, so
every comment and line a person wrote survives, and reads the result back to verify it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from samverkan.core.i18n import tr
from samverkan.core.ids import SLUG
from samverkan.core.ids import new_id as new_activity_id
from samverkan.core.inputs import (
    MAX_TEXT,
    parse_count,
    parse_date,
    refuse_identity_numbers,
    slug_like,
)
from samverkan.core.problems import UsageError
from samverkan.core.records import build
from samverkan.core.text import find_by_name, suggest
from samverkan.core.writer import append_item, encode_like, unexpected, update_file
from samverkan.core.yamlfile import read_bytes
from samverkan.core.years import PeriodError
from samverkan.est.files import (
    WORK_NAME,
    EstData,
    group_pictures_path,
    known_ids,
    load_est,
    load_est_bytes,
    load_valid_config,
    load_valid_groups,
    observations_path,
    require_valid,
)
from samverkan.est.model import (
    ASSESSMENTS,
    KIND_GROUP_PICTURES,
    KIND_OBSERVATIONS,
    KIND_WORK,
    Area,
    EstConfig,
    GroupConfig,
    GroupPictureFile,
    ObservationFile,
    WorkFile,
)
from samverkan.est.periods import Period, Week, parse_period, parse_week

T = TypeVar("T")


def _parsed(parse: Callable[[str], T], text: str, lang: str) -> T:
    """`parse(text)`, with a `PeriodError` turned into the user's `UsageError`."""
    try:
        return parse(text)
    except PeriodError as exc:
        raise UsageError(tr(lang, exc.key, value=exc.value, **exc.extra)) from None


def period_option(text: str, today: dt.date, lang: str) -> Period:
    """A `--period` value that has begun by `today`, or a `UsageError`."""
    period = _parsed(parse_period, text, lang)
    if period.first_day > today:
        raise UsageError(tr(lang, "est_future_period", period=period))
    return period


def _unknown(kind: str, value: str, ids: list[str], titles: dict[str, str],
             lang: str) -> UsageError:
    """'unknown area/category/…' with a did-you-mean from the ids or the titles."""
    message = tr(lang, f"est_unknown_{kind}", id=value)
    wanted = value.strip().casefold()
    by_title = {t.casefold(): i for i, t in titles.items()}
    starting = [i for i in ids if i.startswith(wanted)]
    guess = suggest(value, ids) or by_title.get(wanted) or (
        starting[0] if len(starting) == 1 else None) or next(
        (i for t, i in by_title.items() if wanted and wanted in t), None)
    if guess:
        return UsageError(f"{message}; {tr(lang, 'did_you_mean', guess=guess)}")
    return UsageError(f"{message}; {tr(lang, f'est_known_{kind}', ids=', '.join(ids) or '–')}")


def check_area(config: EstConfig, area: str, lang: str) -> str:
    """The id of the area `area` names, by its id or its name (case and accents ignored:
    `centrum`, `Centrum`), or a `UsageError` with a did-you-mean."""
    found = find_by_name(area, {a.id: a.name for a in config.areas})
    if found is None:
        raise _unknown("area", area, [a.id for a in config.areas],
                       {a.id: a.name for a in config.areas}, lang)
    return found


def check_group(config: GroupConfig, group: str, lang: str) -> Area:
    """The group `group` of `forebyggargrupper.yaml`, or a `UsageError` with a did-you-mean."""
    found = config.group(group)
    if found is None:
        raise _unknown("group", group, [g.id for g in config.groups],
                       {g.id: g.name for g in config.groups}, lang)
    return found


def check_categories(config: EstConfig | GroupConfig, categories: list[str],
                     lang: str) -> list[str]:
    """The ids of the categories named, each by its id or its title (case and accents
    ignored: `skadegörelse` is `skadegorelse`), or a `UsageError` with a did-you-mean."""
    titles = {c.id: c.title for c in config.categories}
    found = []
    for category in categories:
        ident = find_by_name(category, titles)
        if ident is None:
            raise _unknown("category", category, [c.id for c in config.categories], titles,
                           lang)
        found.append(ident)
    return found


def _clean(text: str | None, option: str, lang: str) -> str | None:
    if text is not None and len(text) > MAX_TEXT:
        raise UsageError(tr(lang, "text_too_long", option=option, max=MAX_TEXT))
    return " ".join(text.split()) if text and text.strip() else None


def _day(value: str | None, today: dt.date, lang: str, future_ok: bool = False) -> dt.date:
    day = parse_date(value, lang) if value is not None else today
    if day > today and not future_ok:
        raise UsageError(tr(lang, "est_future_date", date=day.isoformat()))
    return day


def _append(path: Path, kind: str, key: str, config: EstConfig | GroupConfig, lang: str,
            make_item: Callable[[Any], dict[str, Any]], header: str = "",
            create: bool = False) -> Any:
    """Append `make_item(current file model)` to the list `key` of the EST file at `path`;
    return the file's model as written."""
    known = known_ids(config)

    def load(raw: bytes):
        return require_valid(load_est_bytes(raw, path, kind, lang, known), path, lang)

    if path.exists() and read_bytes(path, lang).strip():
        load(read_bytes(path, lang))

    def transform(raw: bytes) -> tuple[bytes, Any]:
        if not raw.strip():
            raw = header.encode("utf-8")
        loaded = load(raw)
        assert loaded.plan is not None
        before = getattr(loaded.plan, key)
        item = make_item(loaded.plan)
        new = encode_like(raw, append_item(loaded.text or "", loaded.root, item, key))
        check = load_est_bytes(new, path, kind, lang, known)
        after = getattr(check.plan, key, None) if check.ok else None
        if after is None or len(after) != len(before) + 1 or after[-1] != build(
                type(after[-1]), item):
            raise unexpected(path, check.problems, lang)
        return new, check.plan

    return update_file(path, transform, lang, create=create)


# --- kartläggning: est rapport --------------------------------------------------------


@dataclass
class ReportRequest:
    area: str
    category: str
    week: Week
    date: dt.date | None = None
    count: int = 1
    reporter: str | None = None
    place: str | None = None
    note: str | None = None


def build_report(area: str, category: str, week: str | None, date: str | None,
                 count: str | None, reporter: str | None, place: str | None,
                 note: str | None, today: dt.date, lang: str = "sv") -> ReportRequest:
    """Check the command-line values of `est rapport` that need no files; raise `UsageError`."""
    refuse_identity_numbers({"OMRÅDE": area, "KATEGORI": category, "--week": week,
                             "--reporter": reporter, "--place": place, "--note": note}, lang)
    if week is not None and date is not None:
        raise UsageError(tr(lang, "est_week_and_date"))
    day = None
    if date is not None:
        day = _day(date, today, lang)
        iso_week = Week.of(day)
    elif week is not None:
        iso_week = _parsed(parse_week, week, lang)
        if iso_week.monday > today:
            raise UsageError(tr(lang, "est_future_week", week=iso_week))
    else:
        iso_week = Week.of(today)
    amount = parse_count(count, 0, "est_bad_count", lang)
    return ReportRequest(area.strip(), category.strip(), iso_week, day, amount,
                         reporter.strip() if reporter else None, _clean(place, "--place", lang),
                         _clean(note, "--note", lang))


@dataclass(frozen=True)
class Recorded:
    path: Path
    item: Any
    week_reports: int = 0  # the area's observations in that week, this one included
    week_total: int = 0    # their summed counts
    area_name: str = ""
    note: str | None = None  # a record like it already there (told, not refused)


def _observations_header(year: int) -> str:
    return (f"# EST-observationer {year} (ISO-år {year}: vecka 1 till {year}-W"
            f"{Week.of(dt.date(year, 12, 28)).number})\n"
            "# Skrivs av `samverkan est rapport`; en rad per observation. Skriv aldrig namn\n"
            "# eller personnummer här. Kör `samverkan validate` efter en ändring för hand.\n"
            f"kind: est-observationer\nyear: {year}\nobservations: []\n")


def record_observation(folder: Path, request: ReportRequest, lang: str = "sv") -> Recorded:
    """Append the observation to `observationer-YYYY.yaml` (YYYY = the week's ISO year)."""
    config = load_valid_config(folder, lang)
    request = dataclasses.replace(request, area=check_area(config, request.area, lang),
                                  category=check_categories(config, [request.category],
                                                            lang)[0])
    area = config.area(request.area)
    assert area is not None
    reporter = None
    if request.reporter is not None:
        org = area.reporter(request.reporter)
        if org is None:
            ids = [o.id for o in area.reporters]
            if not ids:
                raise UsageError(tr(lang, "est_no_reporters", area=area.id,
                                    path=folder / "omraden.yaml"))
            raise _unknown("reporter", request.reporter, ids,
                           {o.id: o.name for o in area.reporters}, lang)
        reporter = org.id
    path = observations_path(folder, request.week.year)

    def make_item(current: Any) -> dict[str, Any]:
        assert isinstance(current, ObservationFile)
        taken = {o.id for o in current.observations if o.id}
        item: dict[str, Any] = {"id": new_activity_id(taken), "area": request.area,
                                "category": request.category}
        if request.date is not None:
            item["date"] = request.date
        else:
            item["week"] = str(request.week)
        if request.count != 1:
            item["count"] = request.count
        for key, value in (("reporter", reporter), ("place", request.place),
                           ("note", request.note)):
            if value:
                item[key] = value
        return item

    written = _append(path, KIND_OBSERVATIONS, "observations", config, lang, make_item,
                      _observations_header(request.week.year), create=True)
    assert isinstance(written, ObservationFile)
    same = [o for o in written.observations
            if o.area == request.area and o.iso_week == request.week]
    twins = [o for o in same[:-1] if o.category == request.category]
    note = None
    if twins:
        category = config.category(request.category)
        note = tr(lang, "est_week_reported", area=area.name, week=request.week,
                  category=category.title if category else request.category,
                  ids=", ".join(o.id or "–" for o in twins),
                  total=sum(o.count for o in same if o.category == request.category),
                  path=path)
    return Recorded(path, written.observations[-1], len(same), sum(o.count for o in same),
                    area.name, note)


# --- analys, insats, uppföljning --------------------------------------------------------

_WORK_HEADER = ("# EST – analyser, insatser och uppföljningar (samverkan est analys|insats|"
                "uppfoljning)\nkind: est-insatser\n")


def _work(folder: Path, key: str, lang: str,
          make_item: Callable[[WorkFile], dict[str, Any]]) -> Recorded:
    config = load_valid_config(folder, lang)
    path = folder / WORK_NAME
    written = _append(path, KIND_WORK, key, config, lang,
                      make_item, _WORK_HEADER, create=True)  # type: ignore[arg-type]
    return Recorded(path, getattr(written, key)[-1])


def record_analysis(folder: Path, area: str, period: str, text: str,
                    categories: list[str], today: dt.date, lang: str = "sv") -> Recorded:
    refuse_identity_numbers({"OMRÅDE": area, "--period": period, "--text": text,
                             "--category": " ".join(categories)}, lang)
    parsed = period_option(period, today, lang)
    body = _clean(text, "--text", lang)
    if body is None:
        raise UsageError(tr(lang, "est_text_needed", option="--text"))
    config = load_valid_config(folder, lang)
    area = check_area(config, area, lang)
    categories = check_categories(config, categories, lang)

    def make_item(current: WorkFile) -> dict[str, Any]:
        item: dict[str, Any] = {"id": new_activity_id({a.id for a in current.analyses if a.id}),
                                "area": area, "period": str(parsed), "date": today}
        if categories:
            item["categories"] = list(dict.fromkeys(categories))
        item["text"] = body
        return item

    return _work(folder, "analyses", lang, make_item)


def slugify(title: str) -> str:
    """An id from a title: `Belysning i Stadsparken` → `belysning-i-stadsparken`."""
    folded = unicodedata.normalize("NFKD", title.casefold())
    ascii_text = "".join(ch for ch in folded if not unicodedata.combining(ch))
    words = re.sub(r"[^a-z0-9]+", " ", ascii_text).split()
    slug = ""
    for word in words:
        if slug and len(slug) + 1 + len(word) > 30:
            break
        slug = f"{slug}-{word}" if slug else word[:30]
    return slug or "insats"


def record_measure(folder: Path, area: str, title: str, partners: list[str], start: str | None,
                   end: str | None, categories: list[str], note: str | None,
                   measure_id: str | None, today: dt.date, lang: str = "sv") -> Recorded:
    refuse_identity_numbers({"OMRÅDE": area, "--title": title, "--partner": " ".join(partners),
                             "--note": note, "--id": measure_id,
                             "--category": " ".join(categories)}, lang)
    name = _clean(title, "--title", lang)
    if name is None:
        raise UsageError(tr(lang, "est_text_needed", option="--title"))
    if not categories:
        raise UsageError(tr(lang, "est_category_needed"))
    first = _day(start, today, lang, future_ok=True)
    last = parse_date(end, lang) if end is not None else None
    if last is not None and last < first:
        raise UsageError(tr(lang, "est_end_before_start", start=first.isoformat(),
                            end=last.isoformat()))
    if measure_id is not None and not SLUG.matches(measure_id):
        raise UsageError(tr(lang, "bad_tag", value=measure_id, suggestion=slug_like(measure_id)))
    orgs = [p for p in (_clean(p, "--partner", lang) for p in partners) if p]
    remark = _clean(note, "--note", lang)
    if measure_id is None:
        _refuse_identity_number_in_id(slugify(name), lang)
    config = load_valid_config(folder, lang)
    area = check_area(config, area, lang)
    categories = check_categories(config, categories, lang)

    def make_item(current: WorkFile) -> dict[str, Any]:
        taken = {m.id for m in current.measures}
        if measure_id is not None and measure_id in taken:
            raise UsageError(tr(lang, "est_measure_exists", id=measure_id))
        ident = measure_id or slugify(name)
        base, n = ident, 2
        while ident in taken:
            ident, n = f"{base}-{n}", n + 1
        _refuse_identity_number_in_id(ident, lang)
        item: dict[str, Any] = {"id": ident, "area": area, "title": name}
        if orgs:
            item["partners"] = list(dict.fromkeys(orgs))
        item["start"] = first
        if last is not None:
            item["end"] = last
        item["recorded"] = today
        item["categories"] = list(dict.fromkeys(categories))
        if remark:
            item["note"] = remark
        return item

    recorded = _work(folder, "measures", lang, make_item)
    twins = [m for m in load_est(folder, lang, years=set()).work.measures
             if m.title.casefold() == name.casefold() and m.id != recorded.item.id]
    if twins:
        return dataclasses.replace(recorded, note=tr(
            lang, "est_title_exists", title=name, ids=", ".join(m.id for m in twins),
            id=recorded.item.id))
    return recorded


def _refuse_identity_number_in_id(ident: str, lang: str) -> None:
    """An id made from `--title` (`811218/9876` → `811218-9876`) may join digits that the
    title kept apart into an identity number: refuse it with what to do."""
    from samverkan.core.pnr import find_identity_numbers

    found = find_identity_numbers(ident)
    if found:
        raise UsageError(tr(lang, "est_id_identity_number", masked=found[0].masked))


def record_follow_up(folder: Path, measure: str, assessment: str, text: str | None,
                     date: str | None, today: dt.date, lang: str = "sv") -> Recorded:
    refuse_identity_numbers({"INSATS": measure, "--text": text}, lang)
    if assessment not in ASSESSMENTS:
        guess = suggest(assessment, list(ASSESSMENTS))
        message = tr(lang, "est_bad_assessment", value=assessment)
        raise UsageError(f"{message}; {tr(lang, 'did_you_mean', guess=guess)}" if guess
                         else message)
    day = _day(date, today, lang)
    body = _clean(text, "--text", lang)
    data = load_est(folder, lang)
    _check_measure(data, measure, lang)
    _check_follow_up_date(data, measure, day, lang)

    def make_item(current: WorkFile) -> dict[str, Any]:
        if not any(m.id == measure for m in current.measures):
            raise UsageError(tr(lang, "est_unknown_measure", id=measure))
        _check_follow_up_date(EstData(folder, data.config, work=current), measure, day, lang)
        item: dict[str, Any] = {
            "id": new_activity_id({f.id for f in current.follow_ups if f.id}),
            "measure": measure, "date": day, "assessment": assessment}
        if body:
            item["text"] = body
        return item

    return _work(folder, "follow_ups", lang, make_item)


def _check_measure(data: EstData, measure: str, lang: str) -> None:
    ids = [m.id for m in data.work.measures]
    if measure not in ids:
        raise _unknown("measure", measure, ids, {m.id: m.title for m in data.work.measures}, lang)


def _check_follow_up_date(data: EstData, measure: str, day: dt.date, lang: str) -> None:
    """A follow-up assesses what a measure did: it cannot be dated before the measure starts."""
    found = next((m for m in data.work.measures if m.id == measure), None)
    if found is not None and day < found.start:
        raise UsageError(tr(lang, "est_follow_up_before_start_refused", date=day.isoformat(),
                            start=found.start.isoformat()))


# --- a förebyggargrupp's picture: est grupp rapport ---------------------------------------

_COUNT = re.compile(r"^\s*([^=\s]+)\s*=\s*(\S+)\s*$")


def parse_group_counts(values: list[str], lang: str) -> dict[str, int]:
    """`--count vald-hot=2` (repeated) → {"vald-hot": 2}; a count is a whole number ≥ 0."""
    counts: dict[str, int] = {}
    for value in values:
        match = _COUNT.match(value)
        if not match:
            raise UsageError(tr(lang, "est_group_bad_count", value=value))
        category, amount = match.group(1), match.group(2)
        if not amount.isdigit():
            raise UsageError(tr(lang, "est_group_bad_count", value=value))
        if category in counts:
            raise UsageError(tr(lang, "est_group_count_twice", category=category))
        counts[category] = int(amount)
    return counts


def _group_pictures_header(year: int) -> str:
    return (f"# Förebyggargruppernas lägesbilder {year} (ISO-år {year})\n"
            "# Skrivs av `samverkan est grupp rapport`; en rad per lägesbild (en träff eller en\n"
            "# månad). Skriv aldrig namn eller personnummer här. Kör `samverkan validate` efter\n"
            "# en ändring för hand.\n"
            f"kind: est-grupplagesbilder\nyear: {year}\npictures: []\n")


def record_group_picture(folder: Path, group: str, period: str | None, date: str | None,
                         counts: list[str], text: str | None, today: dt.date,
                         lang: str = "sv") -> Recorded:
    """Append a group's picture of a week (default: the week of `date`, a meeting) or a
    month to `grupplagesbilder-YYYY.yaml` (YYYY = the period's ISO year)."""
    refuse_identity_numbers({"GRUPP": group, "--period": period, "--date": date,
                             "--count": " ".join(counts), "--text": text}, lang)
    day = _day(date, today, lang)
    if period is None:
        week = Week.of(day)
        parsed = Period(week.year, "week", week.number)
    else:
        parsed = _parsed(parse_period, period, lang)
        if parsed.kind not in ("week", "month"):
            raise UsageError(tr(lang, "est_group_period_kind", value=period))
    if day < parsed.first_day:
        raise UsageError(tr(lang, "est_group_picture_before_period_refused",
                            date=day.isoformat(), period=parsed,
                            first=parsed.first_day.isoformat()))
    amounts = parse_group_counts(counts, lang)
    body = _clean(text, "--text", lang)
    if not amounts and body is None:
        raise UsageError(tr(lang, "est_group_empty"))
    config = load_valid_groups(folder, lang)
    found = check_group(config, group.strip(), lang)
    amounts = dict(zip(check_categories(config, list(amounts), lang), amounts.values(),
                       strict=True))
    weeks = set(parsed.weeks())
    path = group_pictures_path(folder, parsed.year)

    def make_item(current: Any) -> dict[str, Any]:
        assert isinstance(current, GroupPictureFile)
        for other in current.pictures:
            if other.group == found.id and weeks & set(parse_period(other.period).weeks()):
                raise UsageError(tr(lang, "est_group_picture_exists", group=found.id,
                                    period=other.period, id=other.id))
        item: dict[str, Any] = {"id": new_activity_id({p.id for p in current.pictures}),
                                "group": found.id, "period": str(parsed), "date": day}
        if amounts:
            item["counts"] = {c.id: amounts[c.id] for c in config.categories if c.id in amounts}
        if body:
            item["text"] = body
        return item

    written = _append(path, KIND_GROUP_PICTURES, "pictures", config, lang, make_item,
                      _group_pictures_header(parsed.year), create=True)
    assert isinstance(written, GroupPictureFile)
    return Recorded(path, written.pictures[-1], 1, sum(amounts.values()), found.name)

