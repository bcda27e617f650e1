"""Ids of records (activities, observations, analyses, measures, follow-ups).

`log` and the other writing commands give each record a short random id so that it can
be named later (`samverkan remove ID`). Several people log in their own copies of the
repository and git merges the files (`samverkan merge`): two copies must practically
never pick the same id. `new_id` draws 10 characters (about 2·10¹⁵ values: two copies
logging a thousand records each between merges pick one id twice with a probability of
about 4·10⁻¹⁰), the first a letter that YAML reads as text whatever follows.

The two id rules live here, once: `RECORD_ID` (what `new_id` gives: an activity's or an EST
record's `id`) and `SLUG` (the id a person writes: a pledge, focus area, goal, tag, area,
measure). The plan model, the line reader and the options (`log --tag`, `est insats --id`)
all check with these.
"""

from __future__ import annotations

from samverkan.core.records import Rules

RECORD_ID = Rules(pattern=r"^[a-z0-9]{2,16}$")
SLUG = Rules(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)
LENGTH = 10
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_REST = _LETTERS + "0123456789"


def _first_letters() -> str:
    """Letters that YAML never reads as the start of anything but text (`t` may start
    `true`, `n` `null`, …): asked of the YAML library's own rules."""
    from samverkan.core.yamlfile import resolved_first

    return "".join(c for c in _LETTERS if c not in resolved_first())


def new_id(taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A random id that is not in `taken`."""
    # The operating system's random source, as `secrets` uses it (whose import loads hmac
    # and OpenSSL: ~20M instructions on every `log`); `random` itself only here (its import
    # costs every command that reads a plan ~3M).
    from random import SystemRandom

    system = SystemRandom()
    first = _first_letters()
    while True:
        candidate = system.choice(first) + "".join(system.choice(_REST)
                                                    for _ in range(LENGTH - 1))
        if candidate not in taken:
            return candidate
