"""Typed, frozen records and how plain data becomes them: one definition per rule.

Every kind of file the tool reads (plans, the agreement, EST files, data series) is
described once, as `typing.NamedTuple` records whose annotations carry the rules of
each field (`Rules`: a pattern, lengths, bounds, a conversion before checking). From
those annotations `validator_of` builds a pydantic-core validator (the engine under
pydantic) that checks a whole file's plain data at once and reports every problem
with its place (`loc`), and builds the records. `error_message` says a problem in the
user's words.

Why not pydantic's `BaseModel`: a command that reads one plan would spend more time
importing pydantic's model machinery and building its validators (~100 ms) than doing
its job; the validators built here from the same annotations cost well under a
millisecond. `json_schema_of` gives the JSON Schema of the same definitions.

Records are tuples: immutable, small in memory (a plan year may hold 100,000
activities) and quick to make.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import typing
from collections.abc import Callable
from typing import Any, Literal, NamedTuple, Union

from samverkan.core.i18n import tr
from samverkan.core.text import suggest

# A record class may carry checks across its fields, run after its fields are valid:
# `RULES[Target] = (start_before_due,)`; each raises ValueError(message key).
RecordCheck = Callable[[dict], None]
RULES: dict[type, tuple[RecordCheck, ...]] = {}
# The keys in the order a file writes them, where that is not the record's field order (a
# tuple's fields with defaults must come last): `KEYS[Activity] = ("id", "pledge", …)`.
KEYS: dict[type, tuple[str, ...]] = {}


class Rules(NamedTuple):
    """What a field's value must be, written once beside its type (`Annotated[...]`)."""

    pattern: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    ge: float | None = None
    le: float | None = None
    finite: bool = True  # a number is never .nan or .inf
    before: Callable[[Any], Any] | None = None  # a conversion (or refusal) before checking

    def matches(self, text: str) -> bool:
        """Whether `text` passes the string rules (for readers that need no validator)."""
        return ((self.pattern is None or re.fullmatch(self.pattern.strip("^$"), text)
                 is not None)
                and (self.min_length is None or len(text) >= self.min_length)
                and (self.max_length is None or len(text) <= self.max_length))


def none_as_empty(value: Any) -> Any:
    """An empty YAML value (`key:`) where a list is meant reads as the empty list."""
    return [] if value is None else value


def no_number_as_date(value: Any) -> Any:
    """pydantic would read an integer as a Unix timestamp; in a file it is a typo. A date
    and time is its date."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # a pydantic validator: pydantic makes a ValueError a validation error, a TypeError
        # would escape as a crash
        raise ValueError("date_expected")  # noqa: TRY004
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def is_record(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, tuple) and hasattr(cls, "_fields")


@functools.cache
def fields_of(cls: type) -> dict[str, Any]:
    """A record class's fields and their annotations (with their `Rules`), in the order a
    file writes them."""
    hints = cls.__annotations__
    if any(isinstance(hint, str) for hint in hints.values()):  # (postponed annotations)
        hints = typing.get_type_hints(cls, include_extras=True)
    # (a record class is a NamedTuple class, which `type` does not say: it has `_fields`)
    fields: tuple[str, ...] = cls._fields  # type: ignore[attr-defined]
    return {name: hints[name] for name in KEYS.get(cls, fields)}


def _unwrap(annotation: Any) -> tuple[Any, list[Rules]]:
    rules: list[Rules] = []
    while typing.get_origin(annotation) is typing.Annotated:
        rules += [m for m in annotation.__metadata__ if isinstance(m, Rules)]
        annotation = annotation.__origin__
    return annotation, rules


def _schema(annotation: Any, definitions: dict[str, Any]) -> Any:
    from pydantic_core import core_schema as cs

    annotation, rules = _unwrap(annotation)
    rule = rules[0] if rules else Rules()
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    schema: Any
    if origin is Union or (origin is not None and origin.__name__ == "UnionType"):
        inner = [a for a in args if a is not type(None)]
        schema = _schema(inner[0] if len(inner) == 1
                         else Union[tuple(inner)],  # noqa: UP007 - X | Y takes no list
                         definitions)
        if type(None) in args:
            schema = cs.nullable_schema(schema)
    elif origin is Literal:
        schema = cs.literal_schema(list(args))
    elif origin is tuple:
        schema = cs.tuple_variable_schema(_schema(args[0], definitions))
    elif origin is dict:
        schema = cs.dict_schema(_schema(args[0], definitions), _schema(args[1], definitions))
    elif is_record(annotation):
        schema = _record_schema(annotation, definitions)
    elif annotation is str:
        schema = cs.str_schema(pattern=rule.pattern, min_length=rule.min_length,
                               max_length=rule.max_length)
    elif annotation is int:
        # (an int must be written as one: not "3" or 3.0)
        schema = cs.int_schema(strict=True, ge=rule.ge, le=rule.le)  # type: ignore[arg-type]
    elif annotation is float:
        schema = cs.float_schema(ge=rule.ge, le=rule.le, allow_inf_nan=not rule.finite)
    elif annotation is bool:
        schema = cs.bool_schema(strict=True)
    elif annotation is dt.date:
        schema = cs.date_schema()
    elif annotation is Any:
        schema = cs.any_schema()
    else:  # pragma: no cover - a definition this module does not know
        raise TypeError(f"no validator for {annotation!r}")
    if rule.before is not None:
        schema = cs.no_info_before_validator_function(rule.before, schema)
    return schema


def _record_schema(cls: type, definitions: dict[str, Any]) -> Any:
    from pydantic_core import core_schema as cs

    name = cls.__name__
    if name not in definitions:
        definitions[name] = None  # (a record that holds itself)
        defaults = cls._field_defaults  # type: ignore[attr-defined]
        fields = {}
        for field, annotation in fields_of(cls).items():
            schema = _schema(annotation, definitions)
            if field in defaults:
                schema = cs.with_default_schema(schema, default=defaults[field])
            fields[field] = cs.typed_dict_field(schema, required=field not in defaults)
        checks = RULES.get(cls, ())

        def build(values: dict, cls: Any = cls, checks: tuple = checks) -> Any:
            for check in checks:
                check(values)
            return cls(**values)

        definitions[name] = cs.no_info_after_validator_function(
            build, cs.typed_dict_schema(fields, extra_behavior="forbid", cls=cls), ref=name)
    return cs.definition_reference_schema(name)


@functools.cache
def core_schema_of(cls: type) -> Any:
    from pydantic_core import core_schema as cs

    definitions: dict[str, Any] = {}
    root = _record_schema(cls, definitions)
    return cs.definitions_schema(root, list(definitions.values()))


@functools.cache
def validator_of(cls: type) -> Any:
    """A pydantic-core `SchemaValidator` that turns plain data into a `cls` record."""
    from pydantic_core import SchemaValidator

    return SchemaValidator(core_schema_of(cls))


@functools.cache
def list_validator_of(cls: type) -> Any:
    """A validator of a list of `cls` records (a chunk of activities, say)."""
    from pydantic_core import SchemaValidator
    from pydantic_core import core_schema as cs

    inner = core_schema_of(cls)
    return SchemaValidator(cs.definitions_schema(cs.list_schema(inner["schema"]),
                                                 inner["definitions"]))


def validate(cls: type, data: Any) -> tuple[Any, list[dict]]:
    """`data` as a `cls` record, and the problems found (pydantic-core's error dicts);
    the record is None when there is any problem."""
    from pydantic_core import ValidationError

    try:
        return validator_of(cls).validate_python(data), []
    except ValidationError as exc:
        # (pydantic-core types them as TypedDicts; this module reads them as the dicts they are)
        return None, typing.cast("list[dict]", exc.errors(include_url=False))


def json_schema_of(cls: type) -> dict[str, Any]:
    """The JSON Schema of `cls` records: `cls` itself at the top, the records it holds
    under `$defs` by class name."""
    from pydantic.json_schema import GenerateJsonSchema

    return GenerateJsonSchema(ref_template="#/definitions/{model}").generate(  # type: ignore[no-any-return]
        core_schema_of(cls))


# --- problems in the user's words --------------------------------------------------------


def _field_name(loc: tuple) -> str:
    names = [str(step) for step in loc if isinstance(step, str)]
    return names[-1] if names else "plan"


def record_at(loc: tuple, root: type) -> type | None:
    """The record class whose value sits at `loc` in a `root` record."""
    cls: Any = root
    for step in loc:
        if isinstance(step, int) or cls is None:
            continue
        annotation = fields_of(cls).get(step)
        if annotation is None:
            return None
        cls = _record_in(annotation)
    return cls


def _record_in(annotation: Any) -> type | None:
    annotation, _ = _unwrap(annotation)
    if is_record(annotation):
        return annotation
    for arg in typing.get_args(annotation):
        found = _record_in(arg)
        if found is not None:
            return found
    return None


# pydantic-core's kinds of problem, and the message each becomes
_SIMPLE = {
    "int_type": "want_int", "int_parsing": "want_int", "int_from_float": "want_int",
    "float_type": "want_number", "float_parsing": "want_number",
    "string_type": "want_text", "string_too_short": "want_nonempty",
    "string_pattern_mismatch": "want_slug",
    "date_type": "want_date", "date_parsing": "want_date",
    "date_from_datetime_inexact": "want_date", "date_from_datetime_parsing": "want_date",
    "list_type": "want_list", "tuple_type": "want_list", "dict_type": "want_mapping",
    "model_type": "want_mapping", "model_attributes_type": "want_mapping",
    "bool_type": "want_bool",
}


def error_message(err: dict, lang: str, root: type, known_errors: frozenset[str]) -> str:
    """One pydantic-core problem (`err`) in a file of `root` records, in `lang`.
    `known_errors` are the message keys the records' own checks raise."""
    kind = err["type"]
    loc = tuple(err["loc"])
    name = _field_name(loc)
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return tr(lang, "missing", field=name)
    if kind == "extra_forbidden":
        message = tr(lang, "extra", field=name)
        cls = record_at(loc[:-1], root)
        if cls is not None:
            allowed = list(fields_of(cls))
            guess = suggest(name, allowed)
            hint = tr(lang, "did_you_mean", guess=guess) if guess else tr(
                lang, "allowed_keys", keys=", ".join(allowed))
            message = f"{message}; {hint}"
        return message
    if kind == "value_error":
        error = str(ctx.get("error", ""))
        if error == "date_expected":
            return tr(lang, "want_date", field=name)
        if error in known_errors:
            return tr(lang, error)
        return tr(lang, "want_valid", field=name, detail=err["msg"])
    if kind in _SIMPLE:
        return tr(lang, _SIMPLE[kind], field=name)
    if kind == "finite_number":
        return tr(lang, "want_finite", field=name)
    if kind == "string_too_long":
        return tr(lang, "want_shorter", field=name, max=ctx.get("max_length"))
    if kind in ("greater_than_equal", "greater_than"):
        return tr(lang, "want_min", field=name, min=ctx.get("ge", ctx.get("gt")))
    if kind in ("less_than_equal", "less_than"):
        return tr(lang, "want_max", field=name, max=ctx.get("le", ctx.get("lt")))
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", "")).replace("'", "")
        options = [c.strip() for c in re.split(r",| or ", expected) if c.strip()]
        conjunction = " eller " if lang == "sv" else " or "
        choices = conjunction.join([", ".join(options[:-1]), options[-1]]) if len(
            options) > 1 else expected
        message = tr(lang, "want_one_of", field=name, choices=choices)
        guess = suggest(str(err.get("input")), options)
        if guess:
            message = f"{message}; {tr(lang, 'did_you_mean', guess=guess)}"
        return message
    return tr(lang, "want_valid", field=name, detail=err["msg"])


def plain(value: Any) -> Any:
    """A record as the plain data a file gives it (mappings, lists, scalars; a field
    without a value left out): what the checks that read plain data read."""
    if is_record(type(value)):
        return {name: plain(item) for name, item in zip(value._fields, value)
                if item is not None}
    if isinstance(value, tuple):
        return [plain(item) for item in value]
    return value


def build(cls: type, data: Any) -> Any:
    """`data` as a `cls` record; raises pydantic-core's `ValidationError` when it is not
    one (for code and tests that build records from data known to be right)."""
    return validator_of(cls).validate_python(data)
