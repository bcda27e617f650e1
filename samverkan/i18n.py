"""Every text a user reads, in Swedish and English, keyed by a short name.

`tr(lang, key, **values)` formats one message. Swedish is the default; a missing
English text falls back to the Swedish one so that nothing is ever blank.
"""

from __future__ import annotations

LANGS = ("sv", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # --- reading files -------------------------------------------------------
    "file_unreadable": {
        "sv": "kan inte läsa {path}: {reason}",
        "en": "cannot read {path}: {reason}",
    },
    "file_missing": {
        "sv": "filen {path} finns inte",
        "en": "the file {path} does not exist",
    },
    "file_too_large": {
        "sv": "filen är för stor ({size} MB, högst {limit} MB); dela upp den per år",
        "en": "the file is too large ({size} MB, at most {limit} MB); split it by year",
    },
    "bad_utf8": {
        "sv": "ogiltig UTF-8 (byte {byte}); spara filen som UTF-8 i din editor",
        "en": "invalid UTF-8 (byte {byte}); save the file as UTF-8 in your editor",
    },
    "utf16": {
        "sv": "filen är sparad som UTF-16; spara den som UTF-8 i din editor",
        "en": "the file is saved as UTF-16; save it as UTF-8 in your editor",
    },
    "control_character": {
        "sv": "otillåtet styrtecken ({code}); ta bort det (följer ofta med text som "
        "klistrats in från ett ordbehandlingsprogram)",
        "en": "control character {code} is not allowed; remove it (it often comes with "
        "text pasted from a word processor)",
    },
    "empty_file": {
        "sv": "filen är tom; en plan behöver minst year, focus_areas och pledges",
        "en": "the file is empty; a plan needs at least year, focus_areas and pledges",
    },
    "not_a_mapping_top": {
        "sv": "planen ska vara en mappning (year:, focus_areas:, pledges:, …), inte {kind}",
        "en": "the plan must be a mapping (year:, focus_areas:, pledges:, …), not {kind}",
    },
    "conflict_marker": {
        "sv": "git-konfliktmarkering ({marker}); lös konflikten och ta bort markeringarna",
        "en": "git conflict marker ({marker}); resolve the conflict and remove the markers",
    },
    "yaml_syntax": {
        "sv": "YAML-syntaxfel: {detail}",
        "en": "YAML syntax error: {detail}",
    },
    "yaml_tab": {
        "sv": "tabbtecken i indrag; YAML kräver mellanslag för indrag",
        "en": "tab character in indentation; YAML needs spaces for indentation",
    },
    "duplicate_key": {
        "sv": "nyckeln '{key}' står två gånger (först på rad {first}); ta bort den ena",
        "en": "the key '{key}' appears twice (first on line {first}); remove one",
    },
    "too_deep": {
        "sv": "för djup nästling (mer än {limit} nivåer); en plan behöver bara några få",
        "en": "nesting too deep (more than {limit} levels); a plan needs only a few",
    },
    "too_many_aliases": {
        "sv": "för många alias (*namn) i filen (högst {limit}); skriv ut värdena i stället",
        "en": "too many aliases (*name) in the file (at most {limit}); write the values out",
    },
    "alias_too_large": {
        "sv": "alias (*namn) blåser upp filen till över {limit} värden; skriv ut värdena i stället",
        "en": "aliases (*name) expand the file to over {limit} values; write the values out",
    },
    "alias_recursive": {
        "sv": "ett alias (*namn) pekar på sig självt; skriv ut värdet i stället",
        "en": "an alias (*name) refers to itself; write the value out",
    },
    "identity_number": {
        "sv": "personnummer eller samordningsnummer ({masked}) i texten; ta bort det, "
        "anteckningar beskriver aktiviteter, inte personer",
        "en": "personal identity number ({masked}) in the text; remove it, "
        "notes describe activities, not people",
    },
    # --- shape of the file (pydantic) ------------------------------------------
    "missing": {"sv": "nyckeln '{field}' saknas", "en": "the key '{field}' is missing"},
    "extra": {"sv": "okänd nyckel '{field}'", "en": "unknown key '{field}'"},
    "did_you_mean": {"sv": "menade du '{guess}'?", "en": "did you mean '{guess}'?"},
    "allowed_keys": {"sv": "tillåtna: {keys}", "en": "allowed: {keys}"},
    "want_int": {"sv": "'{field}' ska vara ett heltal", "en": "'{field}' must be a whole number"},
    "want_number": {"sv": "'{field}' ska vara ett tal", "en": "'{field}' must be a number"},
    "want_text": {"sv": "'{field}' ska vara text", "en": "'{field}' must be text"},
    "want_nonempty": {"sv": "'{field}' får inte vara tom", "en": "'{field}' must not be empty"},
    "want_shorter": {
        "sv": "'{field}' är för lång (högst {max} tecken)",
        "en": "'{field}' is too long (at most {max} characters)",
    },
    "want_slug": {
        "sv": "'{field}' ska vara ett id av små bokstäver a–z, siffror och bindestreck",
        "en": "'{field}' must be an id of lowercase letters a–z, digits and hyphens",
    },
    "want_date": {
        "sv": "'{field}' ska vara ett datum ÅÅÅÅ-MM-DD",
        "en": "'{field}' must be a date YYYY-MM-DD",
    },
    "want_list": {"sv": "'{field}' ska vara en lista", "en": "'{field}' must be a list"},
    "want_mapping": {
        "sv": "'{field}' ska vara en mappning (nyckel: värde)",
        "en": "'{field}' must be a mapping (key: value)",
    },
    "want_min": {"sv": "'{field}' ska vara minst {min}", "en": "'{field}' must be at least {min}"},
    "want_max": {"sv": "'{field}' får vara högst {max}", "en": "'{field}' must be at most {max}"},
    "want_one_of": {
        "sv": "'{field}' ska vara en av: {choices}",
        "en": "'{field}' must be one of: {choices}",
    },
    "want_valid": {"sv": "'{field}': {detail}", "en": "'{field}': {detail}"},
    "baseline_value_missing": {
        "sv": "baseline behöver value, eller low och high för ett intervall",
        "en": "baseline needs value, or low and high for a range",
    },
    "baseline_value_and_range": {
        "sv": "baseline har både value och low/high; välj det ena",
        "en": "baseline has both value and low/high; choose one",
    },
    "baseline_bad_range": {
        "sv": "baseline behöver både low och high, och low ≤ high",
        "en": "baseline needs both low and high, with low ≤ high",
    },
    "start_after_due": {
        "sv": "target: start ligger efter due",
        "en": "target: start is after due",
    },
    "date_expected": {
        "sv": "ska vara ett datum ÅÅÅÅ-MM-DD",
        "en": "must be a date YYYY-MM-DD",
    },
    # --- checks across the file ------------------------------------------------
    "duplicate_id": {
        "sv": "{what} '{id}' finns redan (rad {first}); ett id får bara användas en gång",
        "en": "{what} '{id}' already exists (line {first}); an id may be used only once",
    },
    "unknown_focus_area": {
        "sv": "okänt fokusområde '{id}'",
        "en": "unknown focus area '{id}'",
    },
    "unknown_pledge_ref": {
        "sv": "aktiviteten anger okänt löfte '{id}'",
        "en": "the activity names an unknown pledge '{id}'",
    },
    "date_outside_year": {
        "sv": "datumet {date} ligger utanför planåret {year}",
        "en": "the date {date} is outside the plan year {year}",
    },
    "baseline_missing": {
        "sv": "målet '{id}' saknar baseline; fyll i den när underlaget ger en siffra",
        "en": "the goal '{id}' has no baseline; fill it in when the source gives a figure",
    },
    "what_pledge": {"sv": "löftet", "en": "the pledge"},
    "what_focus_area": {"sv": "fokusområdet", "en": "the focus area"},
    "what_goal": {"sv": "målet", "en": "the goal"},
    "what_activity": {"sv": "aktiviteten", "en": "the activity"},
    # --- finding plans -----------------------------------------------------------
    "no_plan_for_year": {
        "sv": "det finns ingen plan för {year} i {dir}. Planer finns för: {years}. "
        "Välj med --year ÅÅÅÅ eller --plan FIL.",
        "en": "there is no plan for {year} in {dir}. Plans exist for: {years}. "
        "Choose one with --year YYYY or --plan FILE.",
    },
    "no_plans_at_all": {
        "sv": "det finns inga planer i {dir}. Ange mappen med --plans-dir eller "
        "SAMVERKAN_PLANS_DIR, eller lägg årets plan som {dir}/{year}.yaml.",
        "en": "there are no plans in {dir}. Name the folder with --plans-dir or "
        "SAMVERKAN_PLANS_DIR, or put this year's plan in {dir}/{year}.yaml.",
    },
    "plan_has_errors": {
        "sv": "{path} har fel; kör `samverkan validate {path}` och rätta dem först",
        "en": "{path} has errors; run `samverkan validate {path}` and fix them first",
    },
    "plan_year_mismatch": {
        "sv": "{path} är planen för {plan_year}, men datumet {date} hör till {year}",
        "en": "{path} is the plan for {plan_year}, but the date {date} belongs to {year}",
    },
    # --- log -----------------------------------------------------------------
    "unknown_pledge": {
        "sv": "okänt löfte '{id}'",
        "en": "unknown pledge '{id}'",
    },
    "known_pledges": {"sv": "löften: {ids}", "en": "pledges: {ids}"},
    "bad_date": {
        "sv": "ogiltigt datum '{value}'; skriv ÅÅÅÅ-MM-DD, t.ex. 2021-03-18",
        "en": "invalid date '{value}'; write YYYY-MM-DD, e.g. 2021-03-18",
    },
    "future_date": {
        "sv": "datumet {date} ligger i framtiden; logga en aktivitet när den är genomförd",
        "en": "the date {date} is in the future; log an activity once it is done",
    },
    "count_below_one": {
        "sv": "--count måste vara minst 1 (fick {value})",
        "en": "--count must be at least 1 (got {value})",
    },
    "bad_by": {
        "sv": "--by måste vara en av polis, kommun, gemensamt (fick '{value}')",
        "en": "--by must be one of polis, kommun, gemensamt (got '{value}')",
    },
    "bad_tag": {
        "sv": "taggen '{value}' ska bestå av små bokstäver a–z, siffror och bindestreck",
        "en": "the tag '{value}' must be lowercase letters a–z, digits and hyphens",
    },
    "text_too_long": {
        "sv": "{option} är för lång (högst {max} tecken)",
        "en": "{option} is too long (at most {max} characters)",
    },
    "identity_number_option": {
        "sv": "{option} innehåller ett personnummer eller samordningsnummer ({masked}); "
        "beskriv aktiviteten, inte personer. Inget sparades.",
        "en": "{option} holds a personal identity number ({masked}); "
        "describe the activity, not people. Nothing was saved.",
    },
    "logged": {
        "sv": "Sparat {id} i {path}.",
        "en": "Saved {id} in {path}.",
    },
    "of_which": {"sv": "varav", "en": "of which"},
    "untracked_progress": {
        "sv": "{title}: {done} {unit} registrerade (inget mål, löftet följs upp som praxis)",
        "en": "{title}: {done} {unit} recorded (no target, the pledge is a standing practice)",
    },
    "write_readonly": {
        "sv": "kan inte skriva {path}: filen eller mappen är skrivskyddad. Inget ändrades.",
        "en": "cannot write {path}: the file or folder is read-only. Nothing was changed.",
    },
    "write_failed": {
        "sv": "kunde inte skriva {path}: {reason}. Filen är oförändrad.",
        "en": "could not write {path}: {reason}. The file is unchanged.",
    },
    "disk_full": {"sv": "disken är full", "en": "the disk is full"},
    "write_conflict": {
        "sv": "{path} ändrades av någon annan medan samverkan skrev; kör kommandot igen",
        "en": "{path} was changed by someone else while samverkan wrote; run the command again",
    },
    "lock_timeout": {
        "sv": "{path} är låst av en annan samverkan-process; försök igen om en stund",
        "en": "{path} is locked by another samverkan process; try again in a moment",
    },
    # --- status --------------------------------------------------------------
    "bad_as_of": {
        "sv": "ogiltigt datum för --as-of '{value}'; skriv ÅÅÅÅ-MM-DD",
        "en": "invalid --as-of date '{value}'; write YYYY-MM-DD",
    },
    "unknown_owner": {
        "sv": "--owner måste vara en av polis, kommun, gemensamt (fick '{value}')",
        "en": "--owner must be one of polis, kommun, gemensamt (got '{value}')",
    },
    "unknown_focus_filter": {
        "sv": "okänt fokusområde '{value}'; fokusområden: {ids}",
        "en": "unknown focus area '{value}'; focus areas: {ids}",
    },
    "plan_and_year": {
        "sv": "ange antingen --plan eller --year, inte båda",
        "en": "give either --plan or --year, not both",
    },
    "status_title": {
        "sv": "Lägesbild {year}, per {as_of} ({plan})",
        "en": "Situation picture {year}, as of {as_of} ({plan})",
    },
    "goals_title": {"sv": "Mål", "en": "Goals"},
    "pledges_title": {"sv": "Medborgarlöften", "en": "Pledges"},
    "col_pledge": {"sv": "Löfte", "en": "Pledge"},
    "col_owner": {"sv": "Ansvar", "en": "Owner"},
    "col_done": {"sv": "Utfört", "en": "Done"},
    "col_target": {"sv": "Mål", "en": "Target"},
    "col_expected": {"sv": "Förväntat", "en": "Expected"},
    "col_due": {"sv": "Senast", "en": "Due"},
    "col_status": {"sv": "Status", "en": "Status"},
    "col_requirements": {"sv": "Krav", "en": "Requirements"},
    "col_goal": {"sv": "Mål", "en": "Goal"},
    "col_focus_area": {"sv": "Fokusområde", "en": "Focus area"},
    "col_direction": {"sv": "Riktning", "en": "Direction"},
    "col_baseline": {"sv": "Utgångsläge", "en": "Baseline"},
    "col_latest": {"sv": "Senast uppmätt", "en": "Latest"},
    "col_id": {"sv": "Id", "en": "Id"},
    "col_unit": {"sv": "Enhet", "en": "Unit"},
    "summary": {
        "sv": "Summering: {met} uppfyllda, {on_track} i fas, {behind} efter, {missed} missade, "
        "{untracked} utan mål",
        "en": "Summary: {met} met, {on_track} on track, {behind} behind, {missed} missed, "
        "{untracked} untracked",
    },
    "status_met": {"sv": "uppfyllt", "en": "met"},
    "status_on_track": {"sv": "i fas", "en": "on track"},
    "status_behind": {"sv": "efter", "en": "behind"},
    "status_missed": {"sv": "missat", "en": "missed"},
    "status_untracked": {"sv": "utan mål", "en": "untracked"},
    "goal_improved": {"sv": "förbättrat", "en": "improved"},
    "goal_worsened": {"sv": "försämrat", "en": "worsened"},
    "goal_unchanged": {"sv": "oförändrat", "en": "unchanged"},
    "goal_no_data": {"sv": "saknar data", "en": "no data"},
    "direction_decrease": {"sv": "ska minska", "en": "decrease"},
    "direction_increase": {"sv": "ska öka", "en": "increase"},
    "none": {"sv": "–", "en": "–"},
    # --- validate ------------------------------------------------------------
    "no_files": {
        "sv": "hittade inga planfiler ({pattern}); ange filer eller --plans-dir",
        "en": "found no plan files ({pattern}); name files or --plans-dir",
    },
    "validate_ok": {
        "sv": "{files} fil(er) kontrollerade: inga fel, {warnings} varning(ar)",
        "en": "{files} file(s) checked: no errors, {warnings} warning(s)",
    },
    "validate_failed": {
        "sv": "{files} fil(er) kontrollerade: {errors} fel, {warnings} varning(ar)",
        "en": "{files} file(s) checked: {errors} error(s), {warnings} warning(s)",
    },
}


def tr(lang: str, key: str, /, **values: object) -> str:
    """The message `key` in `lang` (sv or en), with `values` filled in."""
    texts = MESSAGES[key]
    text = texts.get(lang) or texts["sv"]
    return text.format(**values) if values else text
