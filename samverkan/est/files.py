"""Finding and reading the EST files in `est/` (beside `plans/`).

A file's kind comes from a top-level `kind:` key when it has one, else from its name:
`omraden.yaml` (areas and checklist), `observationer-YYYY.yaml` (one ISO year of
observations), `insatser.yaml` (analyses, measures, follow-ups), `forebyggargrupper.yaml`
(the förebyggargrupper and their checklist), `grupplagesbilder-YYYY.yaml` (the groups'
pictures of one ISO year). Every file is read the way every YAML file is
(`core.yamlfile.read_model`), so problems come with lines and
columns and nothing raises on bad content.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from samverkan.core.i18n import tr
from samverkan.core.problems import PlanInvalid, PlanNotFound, Problem
from samverkan.core.yamlfile import Loaded, read_bytes, read_model
from samverkan.est.checks import (
    Known,
    config_checks,
    group_checks,
    group_picture_checks,
    observation_checks,
    work_checks,
)
from samverkan.est.model import (
    KIND_CONFIG,
    KIND_GROUP_PICTURES,
    KIND_GROUPS,
    KIND_OBSERVATIONS,
    KIND_WORK,
    EstConfig,
    GroupConfig,
    GroupPicture,
    GroupPictureFile,
    Observation,
    ObservationFile,
    WorkFile,
)

CONFIG_NAME = "omraden.yaml"
WORK_NAME = "insatser.yaml"
GROUPS_NAME = "forebyggargrupper.yaml"
_OBSERVATIONS = re.compile(r"^observationer-(\d{4})\.ya?ml$")
_GROUP_PICTURES = re.compile(r"^grupplagesbilder-(\d{4})\.ya?ml$")
_KIND_KEY = re.compile(rb"^kind:[ \t]*['\"]?([A-Za-z-]+)", re.MULTILINE)
KINDS = (KIND_CONFIG, KIND_OBSERVATIONS, KIND_WORK, KIND_GROUPS, KIND_GROUP_PICTURES)


def est_dir(option: Path | None, plans_dir: Path | None = None) -> Path:
    """`--est-dir`, else SAMVERKAN_EST_DIR, else the folder `est` beside the plans folder."""
    from samverkan.plan.folder import plans_dir as find_plans

    if option is not None:
        return option
    env = os.environ.get("SAMVERKAN_EST_DIR")
    if env:
        return Path(env)
    return find_plans(plans_dir).parent / "est"


def observations_path(folder: Path, year: int) -> Path:
    return folder / f"observationer-{year}.yaml"


def group_pictures_path(folder: Path, year: int) -> Path:
    return folder / f"grupplagesbilder-{year}.yaml"


def kind_of(path: Path, raw: bytes | None = None) -> str | None:
    """The EST kind of a file (from `kind:` or its name), or None for a plan file."""
    if raw is not None:
        match = _KIND_KEY.search(raw)
        if match and match.group(1).decode() in KINDS:
            return match.group(1).decode()
    name = path.name
    if name in (CONFIG_NAME, "omraden.yml"):
        return KIND_CONFIG
    if _OBSERVATIONS.match(name):
        return KIND_OBSERVATIONS
    if name in (WORK_NAME, "insatser.yml"):
        return KIND_WORK
    if name in (GROUPS_NAME, "forebyggargrupper.yml"):
        return KIND_GROUPS
    if _GROUP_PICTURES.match(name):
        return KIND_GROUP_PICTURES
    return None


def known_ids(config: EstConfig | GroupConfig) -> Known:
    """The ids other files refer to: areas (or groups), categories, organisations."""
    areas = config.areas if isinstance(config, EstConfig) else config.groups
    return Known(frozenset(a.id for a in areas),
                 frozenset(c.id for c in config.categories),
                 {a.id: frozenset(o.id for o in a.reporters) for a in areas})


_NEEDS = {KIND_CONFIG: "min_report_weeks, areas, categories", KIND_OBSERVATIONS: "year",
          KIND_WORK: "analyses, measures, follow_ups", KIND_GROUPS: "categories, groups",
          KIND_GROUP_PICTURES: "year"}


def load_est_bytes(raw: bytes, path: Path, kind: str, lang: str = "sv",
                   known: Known | None = None) -> Loaded:
    """Check one EST file's bytes; `known` holds the ids of `omraden.yaml` for references."""
    if kind == KIND_CONFIG:
        loaded = read_model(raw, str(path), EstConfig, config_checks, lang)
    elif kind == KIND_OBSERVATIONS:
        match = _OBSERVATIONS.match(path.name)
        year = int(match.group(1)) if match else None
        loaded = read_model(raw, str(path), ObservationFile,
                                 observation_checks(known, year), lang)
    elif kind == KIND_GROUPS:
        loaded = read_model(raw, str(path), GroupConfig, group_checks, lang)
    elif kind == KIND_GROUP_PICTURES:
        match = _GROUP_PICTURES.match(path.name)
        year = int(match.group(1)) if match else None
        loaded = read_model(raw, str(path), GroupPictureFile,
                                 group_picture_checks(known, year), lang)
    else:
        loaded = read_model(raw, str(path), WorkFile, work_checks(known), lang)
    empty = tr(lang, "empty_file")  # the loader's words are about plans
    loaded.problems = [
        p._replace(message=tr(lang, "est_empty_file", keys=_NEEDS[kind]))
        if p.message == empty else p for p in loaded.problems]
    return loaded


def load_config(folder: Path, lang: str = "sv") -> Loaded:
    path = folder / CONFIG_NAME
    return load_est_bytes(read_bytes(path, lang), path, KIND_CONFIG, lang)


def load_group_config(folder: Path, lang: str = "sv") -> Loaded:
    path = folder / GROUPS_NAME
    return load_est_bytes(read_bytes(path, lang), path, KIND_GROUPS, lang)


def validate_est_file(path: Path, raw: bytes, lang: str = "sv",
                      configs: dict[tuple[Path, str], Loaded | None] | None = None
                      ) -> Loaded:
    """`validate` for one EST file: references are checked against `omraden.yaml` beside it."""
    kind = kind_of(path, raw)
    assert kind is not None
    known = None
    extra: list[Problem] = []
    if kind not in (KIND_CONFIG, KIND_GROUPS):
        groups = kind == KIND_GROUP_PICTURES  # checked against forebyggargrupper.yaml
        name, load = (GROUPS_NAME, load_group_config) if groups else (CONFIG_NAME, load_config)
        cache = configs if configs is not None else {}
        folder = path.parent.resolve()
        if (folder, name) not in cache:
            try:
                cache[(folder, name)] = load(path.parent, lang)
            except Exception:  # noqa: BLE001 - a missing neighbour is reported below
                cache[(folder, name)] = None
        config = cache[(folder, name)]
        if config is not None and config.ok and isinstance(config.plan,
                                                             (EstConfig, GroupConfig)):
            known = known_ids(config.plan)
        else:
            key = "est_no_config" if config is None else "est_config_has_errors"
            if groups:
                key = "est_no_groups" if config is None else "est_groups_have_errors"
            extra.append(Problem(str(path), 1, 1, "warning",
                                 tr(lang, key, path=path.parent / name)))
    loaded = load_est_bytes(raw, path, kind, lang, known)
    loaded.problems[:0] = extra
    return loaded


# --- everything at once, for the commands ------------------------------------------


@dataclass
class EstData:
    """The valid contents of an `est/` folder."""

    folder: Path
    config: EstConfig
    observations: list[Observation] = field(default_factory=list)
    work: WorkFile = field(default_factory=WorkFile)

    @property
    def language(self) -> str:
        return self.config.language


def require_valid(loaded: Loaded, path: Path, lang: str) -> Loaded:
    if not loaded.ok:
        errors = [p for p in loaded.problems if p.severity == "error"]
        raise PlanInvalid(tr(lang, "plan_has_errors", path=path), errors)
    return loaded


def load_valid_config(folder: Path, lang: str = "sv") -> EstConfig:
    path = folder / CONFIG_NAME
    if not path.is_file():
        raise PlanNotFound(tr(lang, "est_no_folder", path=path))
    config = require_valid(load_config(folder, lang), path, lang).plan
    assert isinstance(config, EstConfig)
    return config


def load_est(folder: Path, lang: str = "sv", years: set[int] | None = None) -> EstData:
    """Areas, the observations (of `years`, default all) and the work file; any error stops
    with the problems."""
    config = load_valid_config(folder, lang)
    known = known_ids(config)
    data = EstData(folder, config)
    for path in sorted(folder.glob("observationer-*.y*ml")):
        match = _OBSERVATIONS.match(path.name)
        if not match or (years is not None and int(match.group(1)) not in years):
            continue
        loaded = require_valid(load_est_bytes(read_bytes(path, lang), path, KIND_OBSERVATIONS,
                                              lang, known), path, lang)
        assert isinstance(loaded.plan, ObservationFile)
        data.observations.extend(loaded.plan.observations)
    work = folder / WORK_NAME
    if work.is_file():
        loaded = require_valid(load_est_bytes(read_bytes(work, lang), work, KIND_WORK, lang, known),
                               work, lang)
        assert isinstance(loaded.plan, WorkFile)
        data.work = loaded.plan
    return data


# --- the förebyggargrupper -------------------------------------------------------------


@dataclass
class GroupData:
    """The valid contents of the groups' files in an `est/` folder."""

    folder: Path
    config: GroupConfig
    pictures: list[GroupPicture] = field(default_factory=list)

    @property
    def language(self) -> str:
        return self.config.language


def load_valid_groups(folder: Path, lang: str = "sv") -> GroupConfig:
    path = folder / GROUPS_NAME
    if not path.is_file():
        raise PlanNotFound(tr(lang, "est_no_groups_file", path=path))
    config = require_valid(load_group_config(folder, lang), path, lang).plan
    assert isinstance(config, GroupConfig)
    return config


def load_groups(folder: Path, lang: str = "sv", years: set[int] | None = None) -> GroupData:
    """The groups and their pictures (of `years`, default all); any error stops with the
    problems."""
    config = load_valid_groups(folder, lang)
    known = known_ids(config)
    data = GroupData(folder, config)
    for path in sorted(folder.glob("grupplagesbilder-*.y*ml")):
        match = _GROUP_PICTURES.match(path.name)
        if not match or (years is not None and int(match.group(1)) not in years):
            continue
        loaded = require_valid(load_est_bytes(read_bytes(path, lang), path, KIND_GROUP_PICTURES,
                                              lang, known), path, lang)
        assert isinstance(loaded.plan, GroupPictureFile)
        data.pictures.extend(loaded.plan.pictures)
    return data

