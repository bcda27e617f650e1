"""The JSON Schema of a plan file, for editors (yaml-language-server, VS Code, …).

`plan_schema()` generates it from the records in `model.py` (through pydantic's JSON
Schema generator) and rewrites it
into the JSON Schema draft-07 that yaml-language-server reads best: `definitions`
instead of `$defs`, no `$ref` with siblings, Swedish titles and descriptions in place
of pydantic's English field names. The file `schema/plan.schema.json` in the
repository is `schema_text()`; a test keeps the two equal.
"""

from __future__ import annotations

from typing import Any

from samverkan.core.text import json_text

DRAFT = "http://json-schema.org/draft-07/schema#"

# Swedish title and description of each model, shown when hovering over a section.
MODELS: dict[str, tuple[str, str]] = {
    "Plan": ("Åtagandeplan", ("Ett års åtagandeplan för samverkansavtalet: fokusområden, "
                              "mål, medborgarlöften och de aktiviteter som registrerats med "
                              "`samverkan log`.")),
    "FocusArea": ("Fokusområde", "Ett av avtalets prioriterade områden, med sina mål."),
    "Goal": ("Mål", "Ett mål som följs upp med en indikator mot ett utgångsläge."),
    "Baseline": ("Utgångsläge", ("Målets utgångsläge: ett värde (value), eller ett intervall "
                                 "(low och high) när underlaget anger ett. Skriv aldrig in en "
                                 "siffra som underlaget inte ger.")),
    "Measurement": ("Mätning", "Ett uppmätt värde för målets indikator ett visst år."),
    "Occasion": ("Planerat tillfälle", ("Ett datum då löftet planeras att genomföras, med "
                                        "namn, t.ex. 2021-06-10 Studenten.")),
    "Pledge": ("Medborgarlöfte", ("Ett löfte med ett årligt mål, eller utan mål (target: null) "
                                  "när det är en stående praxis som bara registreras.")),
    "Target": ("Löftets mål", "Hur mycket som ska vara gjort, och hur det räknas."),
    "Requirement": ("Krav på taggade aktiviteter", ("Minst `min` av löftets aktiviteter ska ha "
                                                    "taggen `tag`, t.ex. minst 1 vandring i "
                                                    "centrum.")),
    "PublicInfo": ("Det som publiceras", ("Vad `samverkan publish` får visa invånarna om "
                                          "löftet utöver titel och siffror. Anteckningar, "
                                          "`by` och platser publiceras aldrig utan detta.")),
    "PledgeDecision": ("Gruppens beslut", ("Värden i löftet som gruppen själv har bestämt och "
                                           "som underlaget inte anger. Utskrifterna märker "
                                           "dem med *.")),
    "GoalDecision": ("Gruppens beslut", ("Värden i målet som gruppen själv har bestämt, t.ex. "
                                         "en indikator som underlaget inte nämner. "
                                         "Utskrifterna märker dem med *.")),
    "Tag": ("Tagg", ("En tagg som kraven och aktiviteterna använder: id:t skrivs i filen och "
                     "efter --tag, titeln visas i utskrifterna.")),
    "Activity": ("Aktivitet", ("En genomförd aktivitet. Registreras med `samverkan log`, inte "
                               "för hand. Beskriv vad som gjordes och var, aldrig vem som "
                               "berördes: inga namn eller personnummer.")),
}

# Swedish description of each key, shown while typing and on hover.
FIELDS: dict[tuple[str, str], str] = {
    ("Plan", "year"): "Planåret, t.ex. 2021. Filen heter plans/ÅÅÅÅ.yaml.",
    ("Plan", "language"): "Språket i utskrifterna: sv (svenska) eller en (engelska).",
    ("Plan", "focus_areas"): "Fokusområdena, med sina mål.",
    ("Plan", "pledges"): "Årets medborgarlöften.",
    ("Plan", "activities"): "Genomförda aktiviteter, sist i filen. Skrivs av "
                            "`samverkan log`.",
    ("Plan", "tags"): "Taggarna som planen använder, med id och titel, t.ex. "
                      "{id: flerbostadsomrade, title: flerbostadsområde}. Utskrifterna visar "
                      "titeln; log --tag tar id eller titel.",
    ("Tag", "id"): "Taggens id: små bokstäver a–z, siffror och bindestreck. Ändra inte ett id "
                   "som används, aktiviteterna pekar på det.",
    ("Tag", "title"): "Taggens namn som det visas, t.ex. flerbostadsområde.",
    ("Goal", "source"): "Underlagets mening som målet bygger på, ordagrant inom citattecken. "
                        "Skriv aldrig en mening som inte står i underlaget.",
    ("Goal", "decided"): "Värden i målet som gruppen själv har bestämt: by (vem), values "
                         "(indicator, direction, baseline; utan values gäller det hela målet) "
                         "och note (varför).",
    ("Pledge", "source"): "Underlagets mening som löftet bygger på, ordagrant inom "
                          "citattecken. Skriv aldrig en mening som inte står i underlaget.",
    ("Pledge", "decided"): "Värden i löftet som gruppen själv har bestämt: by (vem), values "
                           "(owner, focus_area, target; utan values gäller det hela löftet) "
                           "och note (varför).",
    ("Pledge", "concept"): "Underlagets namn på konceptet, när titeln säger något annat, t.ex. "
                           "\"Ansvarsfull alkoholförsäljning\". Visas efter titeln.",
    ("PledgeDecision", "by"): "Vem som beslutade, t.ex. beredningsgruppen.",
    ("PledgeDecision", "values"): "Vilka värden gruppen har bestämt: owner, focus_area, "
                                  "target. Utan values: hela löftet.",
    ("PledgeDecision", "note"): "Varför, t.ex. \"Underlaget anger ingen ansvarig part.\"",
    ("GoalDecision", "by"): "Vem som beslutade, t.ex. beredningsgruppen.",
    ("GoalDecision", "values"): "Vilka värden gruppen har bestämt: indicator, direction, "
                                "baseline. Utan values: hela målet.",
    ("GoalDecision", "note"): "Varför, t.ex. \"Underlaget nämner ingen mätning.\"",
    ("FocusArea", "id"): "Fokusområdets id: små bokstäver a–z, siffror och bindestreck. "
                         "Löftena pekar på det med focus_area.",
    ("FocusArea", "title"): "Fokusområdets namn, som det står i avtalet.",
    ("FocusArea", "goals"): "Fokusområdets mål.",
    ("Goal", "id"): "Målets id: små bokstäver a–z, siffror och bindestreck.",
    ("Goal", "title"): "Målet i ord, som det står i avtalet.",
    ("Goal", "indicator"): "Vad som mäts, t.ex. \"Andel elever i åk 9 som uppger att de "
                           "druckit alkohol (ANDTS), %\".",
    ("Goal", "direction"): "Åt vilket håll indikatorn ska gå: decrease (minska) eller "
                           "increase (öka).",
    ("Goal", "baseline"): "Utgångsläget, eller null när underlaget inte anger något "
                          "(`samverkan validate` varnar då).",
    ("Goal", "measurements"): "Uppmätta värden, ett per år.",
    ("Goal", "series"): "Serien i data/ som håller målets uppmätta värden, t.ex. "
                        "andts-alkohol-ak9. Då står värdena bara där (samverkan measure "
                        "skriver dit) och målet har inga measurements.",
    ("Baseline", "year"): "Året utgångsvärdet gäller, t.ex. 2020.",
    ("Baseline", "value"): "Utgångsvärdet, t.ex. 20.0 (punkt som decimaltecken).",
    ("Baseline", "low"): "Intervallets lägsta värde när underlaget anger ett intervall "
                         "(t.ex. 3 för \"3–4 %\").",
    ("Baseline", "high"): "Intervallets högsta värde (t.ex. 4 för \"3–4 %\").",
    ("Baseline", "source"): "Var siffran kommer ifrån: ett citat ur underlaget.",
    ("Measurement", "year"): "Året mätningen gjordes.",
    ("Measurement", "value"): "Det uppmätta värdet (punkt som decimaltecken).",
    ("Measurement", "source"): "Var siffran kommer ifrån, t.ex. \"ANDTS 2022\".",
    ("Measurement", "date"): "Dagen värdet blev känt, ÅÅÅÅ-MM-DD (samverkan measure skriver "
                             "dagens datum). Utan datum räknas värdet som känt från årets "
                             "slut; status --as-of visar bara värden kända den dagen.",
    ("Pledge", "id"): "Löftets id: små bokstäver a–z, siffror och bindestreck. Ändra inte "
                      "ett id som används, aktiviteterna pekar på det.",
    ("Pledge", "title"): "Löftet i ord.",
    ("Pledge", "focus_area"): "Id för fokusområdet löftet hör till.",
    ("Pledge", "owner"): "Vem som ansvarar: polis, kommun eller gemensamt.",
    ("Pledge", "target"): "Löftets mål, eller null när löftet bara registreras.",
    ("Pledge", "public"): "Det som får publiceras om löftet på webbplatsen (samverkan "
                          "publish): en beskrivning för invånarna och om platser får visas.",
    ("Pledge", "planned"): "Planerade tillfällen: datum och namn, t.ex. {date: 2021-06-10, "
                           "name: Studenten}. status visar nästa och de som passerat utan "
                           "aktivitet (ej genomförd).",
    ("Occasion", "date"): "Dagen tillfället är planerat, ÅÅÅÅ-MM-DD, inom planåret och "
                          "löftets period.",
    ("Occasion", "name"): "Tillfällets namn, t.ex. Studenten eller Stadsfesten.",
    ("PublicInfo", "description"): "Löftet beskrivet för invånarna, i klarspråk. Visas på "
                                   "webbplatsen.",
    ("PublicInfo", "show_places"): "true om aktiviteternas platser (place) får visas på "
                                   "webbplatsen, t.ex. nya grannsamverkansområden. Standard: "
                                   "false (en plats för tillsyn är inte för allmänheten).",
    ("Target", "min"): "Minst så mycket ska vara gjort under perioden (ett heltal, minst 1).",
    ("Target", "unit"): "Enheten, t.ex. vandringar, tillfällen, serveringsställen.",
    ("Target", "counting"): "Hur det räknas: sum (summan av aktiviteternas antal), places "
                            "(antal olika platser), weeks (antal olika kalenderveckor) eller "
                            "dates (antal olika dagar, t.ex. kvällar).",
    ("Target", "start"): "Periodens första dag, ÅÅÅÅ-MM-DD (standard: 1 januari).",
    ("Target", "due"): "Periodens sista dag, ÅÅÅÅ-MM-DD (standard: 31 december).",
    ("Target", "requirements"): "Krav på aktiviteter med en viss tagg.",
    ("Requirement", "tag"): "Taggens id, t.ex. centrum (titeln står under tags:).",
    ("Requirement", "min"): "Minst så många av de taggade aktiviteterna (räknade som löftet).",
    ("Activity", "id"): "Kort id som samverkan ger aktiviteten, t.ex. a1f3.",
    ("Activity", "pledge"): "Id för löftet aktiviteten hör till.",
    ("Activity", "date"): "Dagen aktiviteten genomfördes, ÅÅÅÅ-MM-DD.",
    ("Activity", "count"): "Hur många (standard 1), t.ex. antal kvällar.",
    ("Activity", "place"): "Platsen, t.ex. Stadsparken.",
    ("Activity", "tags"): "Taggarnas id, t.ex. [centrum].",
    ("Activity", "by"): "Vem som genomförde aktiviteten: polis, kommun eller gemensamt.",
    ("Activity", "note"): "Kort anteckning om vad som gjordes. Inga namn eller personnummer.",
}


def plan_schema() -> dict[str, Any]:
    """The JSON Schema (draft-07) of a plan file, with Swedish descriptions."""
    from samverkan.core.records import json_schema_of
    from samverkan.plan.model import Plan

    raw = json_schema_of(Plan)
    definitions = raw.pop("$defs", {})
    for name, definition in definitions.items():
        _describe(name, definition)
    _describe("Plan", raw)
    schema: dict[str, Any] = {"$schema": DRAFT, **raw}
    schema["definitions"] = {name: definitions[name] for name in sorted(definitions)}
    return _tidy(schema)


def schema_text() -> str:
    """The schema as the text of `schema/plan.schema.json`."""
    return json_text(plan_schema()) + "\n"


def _describe(model: str, definition: dict[str, Any]) -> None:
    title, description = MODELS.get(model, (model, ""))
    definition["title"] = title
    if description:
        definition["description"] = description
    else:
        definition.pop("description", None)
    for name, prop in definition.get("properties", {}).items():
        prop.pop("title", None)
        text = FIELDS.get((model, name))
        if text:
            prop["description"] = text


_FIRST = ("$schema", "title", "description", "type")


def _tidy(node: Any) -> Any:
    """Title and description first; and, since draft-07 ignores keys beside `$ref`,
    a reference with siblings moved into `allOf`."""
    if isinstance(node, list):
        return [_tidy(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _tidy(node[key]) for key in _FIRST if key in node}
    out.update((key, _tidy(value)) for key, value in node.items() if key not in _FIRST)
    if "$ref" in out and len(out) > 1:
        ref = out.pop("$ref")
        out = {"allOf": [{"$ref": ref}], **out}
    return out
