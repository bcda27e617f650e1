"""Every text a user reads, in Swedish and English, keyed by a short name.

`tr(lang, key, **values)` formats one message. Swedish is the default; a missing
English text falls back to the Swedish one so that nothing is ever blank.
"""

from __future__ import annotations

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
    "control_character_escaped": {
        "sv": "ett styrtecken ({code}) skrivet som escape-sekvens (t.ex. \\e eller \\a); "
        "ta bort det, det hör inte hemma i en text",
        "en": "a control character ({code}) written as an escape (such as \\e or \\a); "
        "remove it, it does not belong in a text",
    },
    "int_not_decimal": {
        "sv": "talet {written} är inte skrivet med vanliga siffror; skriv {decimal}",
        "en": "the number {written} is not written in plain decimal digits; write {decimal}",
    },
    "file_too_large_reason": {"sv": "filen är för stor", "en": "the file is too large"},
    "empty_file": {
        "sv": "filen är tom; en plan behöver minst year, focus_areas och pledges",
        "en": "the file is empty; a plan needs at least year, focus_areas and pledges",
    },
    "not_a_mapping_top": {
        "sv": "planen ska vara en mappning (year:, focus_areas:, pledges:, …), inte {kind}",
        "en": "the plan must be a mapping (year:, focus_areas:, pledges:, …), not {kind}",
    },
    "kind_list": {"sv": "en lista", "en": "a list"},
    "kind_value": {"sv": "ett enda värde ({value!r:.40})", "en": "a single value ({value!r:.40})"},
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
    "want_finite": {
        "sv": "'{field}' ska vara ett vanligt tal, inte .nan eller .inf",
        "en": "'{field}' must be an ordinary number, not .nan or .inf",
    },
    "want_bool": {
        "sv": "'{field}' ska vara true eller false",
        "en": "'{field}' must be true or false",
    },
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
        "Välj en plan med {choose} eller --plan FIL, eller starta året med "
        "`samverkan init {year}`.",
        "en": "there is no plan for {year} in {dir}. Plans exist for: {years}. "
        "Choose a plan with {choose} or --plan FILE, or start the year with "
        "`samverkan init {year}`.",
    },
    "choose_by_year": {"sv": "--year ÅÅÅÅ", "en": "--year YYYY"},
    "choose_by_date": {"sv": "ett datum i det året (--date ÅÅÅÅ-MM-DD)",
                       "en": "a date in that year (--date YYYY-MM-DD)"},
    "plans_dir_is_file": {
        "sv": "{path} är en fil, inte en mapp; --plans-dir (och SAMVERKAN_PLANS_DIR) anger "
        "mappen med planerna, en enskild plan anges med --plan {path}",
        "en": "{path} is a file, not a folder; --plans-dir (and SAMVERKAN_PLANS_DIR) names "
        "the folder of the plans, a single plan is named with --plan {path}",
    },
    "no_plans_at_all": {
        "sv": "det finns inga planer i {dir}. Kör samverkan i gruppens repository (mappen med "
        "plans/), eller peka ut repositoryt en gång för alla med miljövariabeln "
        "SAMVERKAN_HOME (se README); --plans-dir MAPP gäller en enda körning. Ett nytt år "
        "börjar med samverkan init {year}.",
        "en": "there are no plans in {dir}. Run samverkan in the group's repository (the "
        "folder with plans/), or point at the repository once and for all with the "
        "environment variable SAMVERKAN_HOME (see the README); --plans-dir FOLDER holds for "
        "one run. A new year starts with samverkan init {year}.",
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
    "known_pledges": {
        "sv": "löften: {ids} (`samverkan pledges` visar dem med titel och mål)",
        "en": "pledges: {ids} (`samverkan pledges` shows them with title and target)",
    },
    "internal_error": {
        "sv": "internt fel ({detail}); kör igen med SAMVERKAN_DEBUG=1 och rapportera felet",
        "en": "internal error ({detail}); run again with SAMVERKAN_DEBUG=1 and report the error",
    },
    "no_pledges_yet": {
        "sv": "planen har inga löften ännu; skriv in dem under `pledges:` först",
        "en": "the plan has no pledges yet; write them under `pledges:` first",
    },
    "bad_date": {
        "sv": "ogiltigt datum '{value}'; skriv ÅÅÅÅ-MM-DD, t.ex. 2021-03-18",
        "en": "invalid date '{value}'; write YYYY-MM-DD, e.g. 2021-03-18",
    },
    "future_date": {
        "sv": "datumet {date} ligger i framtiden; logga en aktivitet när den är genomförd",
        "en": "the date {date} is in the future; log an activity once it is done",
    },
    "count_below_one": {
        "sv": "--count måste vara ett heltal, minst 1 (fick {value})",
        "en": "--count must be a whole number, at least 1 (got {value})",
    },
    "bad_by": {
        "sv": "--by måste vara en av polis, kommun, gemensamt (fick '{value}')",
        "en": "--by must be one of polis, kommun, gemensamt (got '{value}')",
    },
    "bad_tag": {
        "sv": "taggen '{value}' ska bestå av små bokstäver a–z, siffror och bindestreck, högst "
        "80 tecken; skriv t.ex. '{suggestion}'",
        "en": "the tag '{value}' must be lowercase letters a–z, digits and hyphens, at most 80 "
        "characters; write e.g. '{suggestion}'",
    },
    "text_too_long": {
        "sv": "{option} är för lång (högst {max} tecken)",
        "en": "{option} is too long (at most {max} characters)",
    },
    "identity_number_option": {
        "sv": "{option} innehåller ett personnummer eller samordningsnummer ({masked}); "
        "beskriv aktiviteten, inte personer.{hint} Inget sparades.",
        "en": "{option} holds a personal identity number ({masked}); "
        "describe the activity, not people.{hint} Nothing was saved.",
    },
    "identity_number_file": {
        "sv": "{option} innehåller ett personnummer eller samordningsnummer ({masked}) i "
        "filnamnet, som sparas i serien; byt namn på filen.{hint} Inget sparades.",
        "en": "{option} holds a personal identity number ({masked}) in the file name, "
        "which is saved in the series; rename the file.{hint} Nothing was saved.",
    },
    # Added to the two messages above and to identity_number when the number is written
    # the way a phone number or a time is (pnr.IdentityNumberMatch.looks_like).
    "identity_hint_phone": {
        "sv": "Är det ett telefonnummer? Tio siffror i följd som börjar med 0 kan inte skiljas "
        "från ett personnummer; skriv telefonnummer med mellanslag som 0910-73 50 00.",
        "en": "Is it a phone number? Ten digits in a row starting with 0 cannot be told from "
        "an identity number; write phone numbers with spaces, like 0910-73 50 00.",
    },
    "identity_hint_timestamp": {
        "sv": "Är det en tidpunkt? Ett datum följt av fyra siffror kan inte skiljas från ett "
        "personnummer; skriv tidpunkter som 2021-03-18 01:35.",
        "en": "Is it a date and time? A date followed by four digits cannot be told from an "
        "identity number; write times like 2021-03-18 01:35.",
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
        "sv": "Summering: {met}, {on_track} i fas, {behind} efter, {missed}, {untracked} utan mål",
        "en": "Summary: {met}, {on_track} on track, {behind} behind, {missed}, "
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
    # --- EST (samverkan est …) -----------------------------------------------------------
    "est_no_folder": {
        "sv": "hittar inte {path}; EST-filerna ligger i mappen est/ bredvid plans/ "
        "(ange en annan med --est-dir)",
        "en": "cannot find {path}; the EST files live in the folder est/ beside plans/ "
        "(name another with --est-dir)",
    },
    "est_empty_file": {
        "sv": "filen är tom; den behöver minst {keys}",
        "en": "the file is empty; it needs at least {keys}",
    },
    "est_no_config": {
        "sv": "hittar inte {path}; områden och kategorier kontrolleras inte",
        "en": "cannot find {path}; areas and categories are not checked",
    },
    "est_config_has_errors": {
        "sv": "{path} har fel; områden och kategorier kontrolleras inte förrän de är rättade",
        "en": "{path} has errors; areas and categories are not checked until they are fixed",
    },
    "what_est_area": {"sv": "området", "en": "the area"},
    "what_est_category": {"sv": "kategorin", "en": "the category"},
    "what_est_reporter": {"sv": "organisationen", "en": "the organisation"},
    "what_est_observation": {"sv": "observationen", "en": "the observation"},
    "what_est_analysis": {"sv": "analysen", "en": "the analysis"},
    "what_est_measure": {"sv": "insatsen", "en": "the measure"},
    "what_est_follow_up": {"sv": "uppföljningen", "en": "the follow-up"},
    "est_week_or_date": {
        "sv": "en observation ska ha antingen week (t.ex. 2021-W10) eller date, inte båda",
        "en": "an observation needs either week (e.g. 2021-W10) or date, not both",
    },
    "est_bad_week": {
        "sv": "ogiltig vecka '{value}'; skriv ÅÅÅÅ-Wvv, t.ex. 2021-W10",
        "en": "invalid week '{value}'; write YYYY-Www, e.g. 2021-W10",
    },
    "est_no_such_week": {
        "sv": "vecka '{value}' finns inte; {year} har {weeks} ISO-veckor",
        "en": "week '{value}' does not exist; {year} has {weeks} ISO weeks",
    },
    "est_bad_year": {
        "sv": "året i '{value}' ska ligga mellan {min} och {max}",
        "en": "the year in '{value}' must be between {min} and {max}",
    },
    "est_bad_period": {
        "sv": "ogiltig period '{value}'; skriv en vecka 2021-W10, en månad 2021-03, "
        "ett kvartal 2021Q1 eller ett år 2021",
        "en": "invalid period '{value}'; write a week 2021-W10, a month 2021-03, "
        "a quarter 2021Q1 or a year 2021",
    },
    "est_observation_outside_year": {
        "sv": "observationen hör till ISO-året {week_year}, men filen gäller {year}; "
        "flytta den till observationer-{week_year}.yaml",
        "en": "the observation belongs to ISO year {week_year}, but the file is for {year}; "
        "move it to observationer-{week_year}.yaml",
    },
    "est_file_year": {
        "sv": "year är {year}, men filnamnet säger {file_year}; ändra det ena",
        "en": "year is {year}, but the file name says {file_year}; change one of them",
    },
    "est_unknown_area_ref": {
        "sv": "okänt område '{id}'; områden i omraden.yaml: {ids}",
        "en": "unknown area '{id}'; areas in omraden.yaml: {ids}",
    },
    "est_unknown_category_ref": {
        "sv": "okänd kategori '{id}'; kategorier i omraden.yaml: {ids}",
        "en": "unknown category '{id}'; categories in omraden.yaml: {ids}",
    },
    "est_unknown_reporter_ref": {
        "sv": "okänd rapporterande organisation '{id}' för området; lägg till den i "
        "omraden.yaml ({ids})",
        "en": "unknown reporting organisation '{id}' for the area; add it to omraden.yaml ({ids})",
    },
    "est_unknown_measure_ref": {
        "sv": "uppföljningen anger okänd insats '{id}'; insatser: {ids}",
        "en": "the follow-up names an unknown measure '{id}'; measures: {ids}",
    },
    "est_measure_no_category": {
        "sv": "insatsen behöver minst en kategori den riktar sig mot",
        "en": "the measure needs at least one category it targets",
    },
    "est_start_not_in_start_year": {
        "sv": "start {start} ligger inte i start_year {year}; ändra det ena, eller ta bort "
        "start_year",
        "en": "start {start} is not in start_year {year}; change one, or remove start_year",
    },
    "est_end_before_start": {
        "sv": "slutdagen {end} ligger före startdagen {start}",
        "en": "the end {end} is before the start {start}",
    },
    "est_follow_up_before_start": {
        "sv": "uppföljningen {date} ligger före insatsens start {start}",
        "en": "the follow-up {date} is before the measure's start {start}",
    },
    "est_unknown_area": {"sv": "okänt område '{id}'", "en": "unknown area '{id}'"},
    "est_unknown_category": {"sv": "okänd kategori '{id}'", "en": "unknown category '{id}'"},
    "est_unknown_reporter": {
        "sv": "okänd rapporterande organisation '{id}'",
        "en": "unknown reporting organisation '{id}'",
    },
    "est_unknown_measure": {"sv": "okänd insats '{id}'", "en": "unknown measure '{id}'"},
    "est_known_area": {"sv": "områden: {ids}", "en": "areas: {ids}"},
    "est_known_category": {"sv": "kategorier: {ids}", "en": "categories: {ids}"},
    "est_known_reporter": {"sv": "organisationer: {ids}", "en": "organisations: {ids}"},
    "est_known_measure": {"sv": "insatser: {ids}", "en": "measures: {ids}"},
    "est_no_reporters": {
        "sv": "området {area} har inga rapporterande organisationer; lägg till organisationen "
        "under reporters: i {path} först",
        "en": "the area {area} has no reporting organisations; add the organisation under "
        "reporters: in {path} first",
    },
    "est_week_and_date": {
        "sv": "ange antingen --week eller --date, inte båda",
        "en": "give either --week or --date, not both",
    },
    "est_future_date": {
        "sv": "datumet {date} ligger i framtiden; registrera det som har hänt",
        "en": "the date {date} is in the future; record what has happened",
    },
    "est_future_week": {
        "sv": "veckan {week} har inte börjat än",
        "en": "the week {week} has not started yet",
    },
    "est_future_period": {
        "sv": "perioden {period} har inte börjat än",
        "en": "the period {period} has not started yet",
    },
    "est_bad_count": {
        "sv": "--count ska vara ett heltal, 0 eller mer (fick {value}); 0 betyder "
        "kontrollerat, inget sett",
        "en": "--count must be a whole number, 0 or more (got {value}); 0 means checked, "
        "nothing seen",
    },
    "est_text_needed": {"sv": "{option} får inte vara tom", "en": "{option} must not be empty"},
    "est_category_needed": {
        "sv": "ange minst en kategori insatsen riktar sig mot med --category",
        "en": "name at least one category the measure targets with --category",
    },
    "est_measure_exists": {
        "sv": "insatsen '{id}' finns redan; välj ett annat --id",
        "en": "the measure '{id}' already exists; choose another --id",
    },
    "est_bad_assessment": {
        "sv": "--assessment ska vara god, delvis, ingen eller oklar (fick '{value}')",
        "en": "--assessment must be god, delvis, ingen or oklar (got '{value}')",
    },
    "est_recorded": {"sv": "Sparat {id} i {path}.", "en": "Saved {id} in {path}."},
    "est_week_tally": {
        "sv": "{area}, vecka {week}: rapporter {reports}, observationer {total}",
        "en": "{area}, week {week}: reports {reports}, observations {total}",
    },
    "est_picture_title": {
        "sv": "EST-lägesbild {period} ({span}), jämfört med {previous} ({previous_span})",
        "en": "EST situation picture {period} ({span}), compared with {previous} "
        "({previous_span})",
    },
    "est_as_of": {"sv": "Per {as_of}.", "en": "As of {as_of}."},
    "est_as_of_open": {
        "sv": "Per {as_of}; perioden pågår, siffrorna är inte kompletta.",
        "en": "As of {as_of}; the period is not over, the figures are incomplete.",
    },
    "est_ranking": {"sv": "Områden rangordnade", "en": "Areas ranked"},
    "est_col_rank": {"sv": "Plats", "en": "Rank"},
    "est_col_area": {"sv": "Område", "en": "Area"},
    "est_col_count": {"sv": "Antal", "en": "Count"},
    "est_col_previous": {"sv": "Förra", "en": "Previous"},
    "est_col_change": {"sv": "Förändring", "en": "Change"},
    "est_col_rose": {"sv": "Ökat", "en": "Rose"},
    "est_col_silent": {"sv": "Veckor utan rapport", "en": "Weeks without reports"},
    "est_col_category": {"sv": "Kategori", "en": "Category"},
    "est_area_heading": {
        "sv": "{name} ({id}), plats {rank}: antal {total}, förra perioden {previous} ({change})",
        "en": "{name} ({id}), rank {rank}: count {total}, previous period {previous} ({change})",
    },
    "est_rose": {"sv": "Ökat: {categories}", "en": "Rose: {categories}"},
    "est_silent_weeks": {"sv": "Veckor utan rapport: {weeks}", "en": "Weeks without reports: {weeks}"},
    "est_open_weeks": {"sv": "Pågår: {weeks}", "en": "Not over: {weeks}"},
    "est_reporter_line": {
        "sv": "{name}: rapporterat {reported} av {due} veckor; utan rapport: {silent}",
        "en": "{name}: reported in {reported} of {due} weeks; without reports: {silent}",
    },
    "est_analysis_line": {
        "sv": "Analys {period} ({date}): {text}",
        "en": "Analysis {period} ({date}): {text}",
    },
    "est_measure_line": {
        "sv": "Insats {id}: {title} ({dates}) mot {categories}",
        "en": "Measure {id}: {title} ({dates}) targeting {categories}",
    },
    "est_html_title": {"sv": "EST-lägesbild {period}", "en": "EST situation picture {period}"},
    "est_html_caption": {
        "sv": "{name}: observationer per kategori, plats {rank}, totalt {total} "
        "(förra perioden {previous}, {change})",
        "en": "{name}: observations per category, rank {rank}, total {total} "
        "(previous period {previous}, {change})",
    },
    "est_html_legend": {"sv": "Färgskala:", "en": "Colour scale:"},
    "est_html_low": {"sv": "få", "en": "few"},
    "est_html_high": {"sv": "flest", "en": "most"},
    "est_html_silent": {"sv": "ingen rapport", "en": "no report"},
    "est_html_rise": {"sv": "ökat jämfört med förra perioden", "en": "rose since the previous period"},
    "est_html_reports": {"sv": "Rapporter", "en": "Reports"},
    "est_html_no_report": {"sv": "ingen rapport", "en": "no report"},
    "est_html_open": {"sv": "veckan pågår", "en": "the week is not over"},
    "est_html_analyses": {"sv": "Analyser", "en": "Analyses"},
    "est_html_measures": {"sv": "Insatser", "en": "Measures"},
    "est_html_kicker": {
        "sv": "EST – Effektiv samordning för trygghet · lägesbild till rapportörerna",
        "en": "EST – Effective coordination for safety · situation picture for the reporters",
    },
    "est_html_privacy": {
        "sv": "Observationerna beskriver platser och händelser, aldrig personer.",
        "en": "The observations describe places and events, never people.",
    },
    "est_status_title": {"sv": "EST-status per {as_of}", "en": "EST status as of {as_of}"},
    "est_no_measures": {"sv": "Inga insatser registrerade.", "en": "No measures recorded."},
    "est_col_measure": {"sv": "Insats", "en": "Measure"},
    "est_col_title": {"sv": "Titel", "en": "Title"},
    "est_col_dates": {"sv": "Period", "en": "Dates"},
    "est_col_categories": {"sv": "Kategorier", "en": "Categories"},
    "est_col_state": {"sv": "Läge", "en": "State"},
    "est_col_weeks": {"sv": "Veckor", "en": "Weeks"},
    "est_col_before": {"sv": "Före", "en": "Before"},
    "est_col_after": {"sv": "Efter", "en": "After"},
    "est_col_follow_up": {"sv": "Uppföljning", "en": "Follow-up"},
    "est_state_planned": {"sv": "planerad", "en": "planned"},
    "est_state_ongoing": {"sv": "pågår", "en": "ongoing"},
    "est_state_ended": {"sv": "avslutad", "en": "ended"},
    "est_no_follow_up": {"sv": "saknas", "en": "missing"},
    "est_assessment_god": {"sv": "god effekt", "en": "effective"},
    "est_assessment_delvis": {"sv": "delvis effekt", "en": "partly effective"},
    "est_assessment_ingen": {"sv": "ingen effekt", "en": "no effect"},
    "est_assessment_oklar": {"sv": "oklar effekt", "en": "unclear"},
    "est_open_measures": {
        "sv": "Öppna insatser: {n} ({ids})",
        "en": "Open measures: {n} ({ids})",
    },
    "est_without_follow_up": {
        "sv": "Startade insatser utan uppföljning: {n} ({ids})",
        "en": "Started measures without follow-up: {n} ({ids})",
    },
    "est_running": {
        "sv": "EST i gång {year} (rapporter minst {min} veckor): {done} av {areas} områden. {detail}",
        "en": "EST running in {year} (reports in at least {min} weeks): {done} of {areas} areas. "
        "{detail}",
    },
    "est_running_area": {
        "sv": "{name} {weeks}/{min} veckor ({yes})",
        "en": "{name} {weeks}/{min} weeks ({yes})",
    },
    "est_yes": {"sv": "i gång", "en": "running"},
    "est_implemented": {
        "sv": "Områden där EST har varit i gång något år (avtalets mål 3–4): {n} ({names})",
        "en": "Areas that have run EST in some year (the agreement's goal 3–4): {n} ({names})",
    },
    "est_months": {
        "sv": "jan feb mar apr maj jun jul aug sep okt nov dec",
        "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    },
    "est_no": {"sv": "inte än", "en": "not yet"},
    # --- measurements, init, the record, the whole agreement (issue 3) --------
    "duplicate_measurement": {
        "sv": "målet '{id}' har redan en mätning för {year} (rad {first}); ta bort den ena",
        "en": "the goal '{id}' already has a measurement for {year} (line {first}); remove one",
    },
    "bad_value": {
        "sv": "--value ska vara ett tal, t.ex. 18 eller 18,5 (fick '{value}')",
        "en": "--value must be a number, e.g. 18 or 18.5 (got '{value}')",
    },
    "bad_measure_year": {
        "sv": "--year {year} går inte: en mätning gäller ett år från 2000 till i år ({this_year})",
        "en": "--year {year} is not possible: a measurement is for a year from 2000 to this "
        "year ({this_year})",
    },
    "unknown_goal": {"sv": "okänt mål '{id}'", "en": "unknown goal '{id}'"},
    "known_goals": {"sv": "mål: {ids}", "en": "goals: {ids}"},
    "no_plan_for_measurement": {
        "sv": "det finns ingen plan för {year} eller tidigare i {dir} (första planen: {first}). "
        "Ett värde från före avtalet skrivs som målets baseline.",
        "en": "there is no plan for {year} or earlier in {dir} (first plan: {first}). "
        "A value from before the agreement is written as the goal's baseline.",
    },
    "measured": {
        "sv": "Sparat mätningen {year} för {goal} i {path}: {value} (utgångsläge {baseline}) — "
        "{verdict}.",
        "en": "Saved the {year} measurement of {goal} in {path}: {value} (baseline "
        "{baseline}) — {verdict}.",
    },
    "measured_replaced": {
        "sv": "Ersatte den tidigare mätningen {year} ({old}).",
        "en": "Replaced the earlier {year} measurement ({old}).",
    },
    "bad_plan_year": {
        "sv": "planåret {year} går inte; ange ett år mellan 2000 och 2100",
        "en": "the plan year {year} is not possible; give a year from 2000 to 2100",
    },
    "init_exists": {
        "sv": "{path} finns redan; ändra den direkt, eller ta bort den först om den ska göras om",
        "en": "{path} already exists; edit it, or remove it first to start it again",
    },
    "init_no_earlier": {
        "sv": "det finns ingen plan före {year} i {dir} att utgå från; ange en med --from ÅÅÅÅ",
        "en": "there is no plan before {year} in {dir} to start from; name one with --from YYYY",
    },
    "init_from_missing": {
        "sv": "det finns ingen plan för {source} i {dir} att utgå från. Planer finns för: "
        "{years}; ange ett av de åren med --from ÅÅÅÅ",
        "en": "there is no plan for {source} in {dir} to start from. Plans exist for: "
        "{years}; name one of those years with --from YYYY",
    },
    "init_from_not_earlier": {
        "sv": "--from {source} ska vara ett år före {year}",
        "en": "--from {source} must be a year before {year}",
    },
    "init_invalid": {
        "sv": "planen {path} som skulle göras från {source} blir inte giltig; inget skrevs. "
        "Rätta {source} och försök igen",
        "en": "the plan {path} made from {source} would not be valid; nothing was written. "
        "Fix {source} and try again",
    },
    "init_done": {
        "sv": "Sparat planen {year} i {path}, gjord från {source}: {pledges} löften, {goals} mål; "
        "datum flyttade till {year}, inga aktiviteter eller mätningar. Granska filen och kör "
        "`samverkan validate`.",
        "en": "Saved the plan {year} in {path}, made from {source}: {pledges} pledges, {goals} "
        "goals; dates moved to {year}, no activities or measurements. Review the file and run "
        "`samverkan validate`.",
    },
    "from_after_to": {
        "sv": "--from {start} ligger efter --to {end}",
        "en": "--from {start} is after --to {end}",
    },
    "bad_delimiter": {
        "sv": "--delimiter ska vara ett tecken, t.ex. ';' för svensk Excel (fick '{value}')",
        "en": "--delimiter must be one character, e.g. ';' for a Swedish Excel (got '{value}')",
    },
    "no_activities": {
        "sv": "Inga aktiviteter registrerade som matchar.",
        "en": "No recorded activities match.",
    },
    "unknown_activity": {
        "sv": "ingen aktivitet har id '{id}'; `samverkan activities` visar id:na",
        "en": "no activity has the id '{id}'; `samverkan activities` shows the ids",
    },
    "activity_ambiguous": {
        "sv": "id '{id}' finns i flera planer ({paths}); välj med --year ÅÅÅÅ eller --plan FIL",
        "en": "the id '{id}' is in several plans ({paths}); choose with --year YYYY or --plan FILE",
    },
    "removed": {
        "sv": "Tog bort {id} ({pledge} {date}) ur {path}.",
        "en": "Removed {id} ({pledge} {date}) from {path}.",
    },
    "col_date": {"sv": "Datum", "en": "Date"},
    "col_count": {"sv": "Antal", "en": "Count"},
    "col_place": {"sv": "Plats", "en": "Place"},
    "col_tags": {"sv": "Taggar", "en": "Tags"},
    "col_by": {"sv": "Av", "en": "By"},
    "col_note": {"sv": "Anteckning", "en": "Note"},
    "agreement_count_needs_pledge": {
        "sv": "count med source: activities behöver pledge (löftets id)",
        "en": "count with source: activities needs pledge (the pledge's id)",
    },
    "agreement_count_no_pledge": {
        "sv": "count med en annan source än activities har ingen pledge",
        "en": "count with a source other than activities has no pledge",
    },
    "agreement_years_order": {
        "sv": "first_year ligger efter last_year",
        "en": "first_year is after last_year",
    },
    "agreement_unknown_pledge": {
        "sv": "löftet '{id}' finns inte i någon plan i mappen",
        "en": "the pledge '{id}' is in no plan of the folder",
    },
    "agreement_only": {
        "sv": "--agreement visar alla planår; det går inte ihop med {option}",
        "en": "--agreement shows every plan year; it does not combine with {option}",
    },
    "agreement_title": {
        "sv": "Hela avtalet {first}–{last}, per {as_of}",
        "en": "The whole agreement {first}–{last}, as of {as_of}",
    },
    "agreement_years_title": {
        "sv": "Planår {years}, per {as_of}",
        "en": "Plan years {years}, as of {as_of}",
    },
    "agreement_goals_title": {
        "sv": "Avtalets mål över hela perioden",
        "en": "The agreement's goals over the whole period",
    },
    "no_agreement_file": {
        "sv": "Ingen {path}: avtalets mål över flera år visas inte (se README).",
        "en": "No {path}: the agreement's multi-year goals are not shown (see the README).",
    },
    "not_in_plan": {"sv": "ej i planen", "en": "not in plan"},
    "col_min": {"sv": "Minst", "en": "At least"},
    # --- validate ------------------------------------------------------------
    "no_files": {
        "sv": "hittade inga planfiler ({pattern}); ange filer eller mappar, kör i gruppens "
        "repository, eller peka ut det med miljövariabeln SAMVERKAN_HOME (se README)",
        "en": "found no plan files ({pattern}); name files or folders, run in the group's "
        "repository, or point at it with the environment variable SAMVERKAN_HOME (see the "
        "README)",
    },
    "validate_ok": {
        "sv": "{files}: inga fel, {warnings}",
        "en": "{files}: no errors, {warnings}",
    },
    "validate_unreadable": {
        "sv": "{unreadable} kunde inte läsas (se ovan); {files}: {errors}, {warnings}",
        "en": "{unreadable} could not be read (see above); {files}: {errors}, {warnings}",
    },
    "validate_failed": {
        "sv": "{files}: {errors}, {warnings}",
        "en": "{files}: {errors}, {warnings}",
    },
    # --- data series and the joint situation picture (samlad lägesbild) --------
    "series_bad_period": {
        "sv": "period ska vara ett år (2021), en månad (2021-03) eller ett intervall av år "
        "(2017–2018)",
        "en": "period must be a year (2021), a month (2021-03) or a span of years (2017–2018)",
    },
    "series_value_missing": {
        "sv": "värdet saknas: skriv value, eller low och high för ett intervall",
        "en": "the value is missing: write value, or low and high for a range",
    },
    "series_value_and_range": {
        "sv": "både value och low/high; välj det ena",
        "en": "both value and low/high; choose one",
    },
    "series_bad_range": {
        "sv": "ett intervall behöver både low och high, och low ≤ high",
        "en": "a range needs both low and high, with low ≤ high",
    },
    "series_duplicate_period": {
        "sv": "perioden {period} finns redan (rad {first}); en period har ett värde",
        "en": "the period {period} is already there (line {first}); a period has one value",
    },
    "series_not_year": {
        "sv": "serien är årsvis (frequency: year) men perioden {period} är en månad",
        "en": "the series is yearly (frequency: year) but the period {period} is a month",
    },
    "series_not_month": {
        "sv": "serien är månadsvis (frequency: month) men perioden {period} är ett år; "
        "skriv ÅÅÅÅ-MM",
        "en": "the series is monthly (frequency: month) but the period {period} is a year; "
        "write YYYY-MM",
    },
    "series_value_unsourced": {
        "sv": "värdet för {period} saknar källa; ange source_text (meningen i underlaget) "
        "eller läs in det med `samverkan data import`",
        "en": "the value for {period} has no source; give source_text (the sentence of the "
        "source) or read it in with `samverkan data import`",
    },
    "series_empty_file": {
        "sv": "filen är tom; en serie behöver id, title, unit, source, frequency och values",
        "en": "the file is empty; a series needs id, title, unit, source, frequency and values",
    },
    "series_id_not_file": {
        "sv": "id '{id}' ska vara filens namn '{stem}' (så hittar --series serien)",
        "en": "id '{id}' must be the file's name '{stem}' (that is how --series finds it)",
    },
    "series_no_folder": {
        "sv": "det finns inga serier i {dir}; ange mappen med --data-dir eller "
        "SAMVERKAN_DATA_DIR",
        "en": "there are no series in {dir}; name the folder with --data-dir or "
        "SAMVERKAN_DATA_DIR",
    },
    "series_unknown": {
        "sv": "okänd serie '{id}' (ingen fil {dir}/{id}.yaml)",
        "en": "unknown series '{id}' (no file {dir}/{id}.yaml)",
    },
    "series_known": {"sv": "serier: {ids}", "en": "series: {ids}"},
    # reading a CSV export
    "csv_comma": {
        "sv": "filen är kommaavgränsad; exportera den semikolonavgränsad (svenska exporter "
        "har decimalkomma)",
        "en": "the file is comma-separated; export it semicolon-separated (Swedish exports "
        "have a decimal comma)",
    },
    "csv_no_separator": {
        "sv": "hittar inga fält åtskilda med ';' eller tabb; är det en CSV-export?",
        "en": "found no fields separated by ';' or tab; is this a CSV export?",
    },
    "csv_open_quote": {
        "sv": "citattecknet stängs inte på raden; raden kan inte läsas",
        "en": "the quote is not closed on the line; the line cannot be read",
    },
    "csv_no_header": {
        "sv": "hittar ingen rubrikrad (en rad med minst två fält)",
        "en": "found no header row (a line with at least two fields)",
    },
    "csv_no_data": {
        "sv": "inga datarader under rubrikraden",
        "en": "no data lines below the header row",
    },
    "csv_header_is_data": {
        "sv": "rubrikraden ({row}) ser ut som en datarad: den har perioder men också talet "
        "{number} där en rubrik ska stå; saknas rubrikraden? Lägg till den (t.ex. År;Värde)",
        "en": "the header row ({row}) looks like a data line: it has periods but also the number "
        "{number} where a heading belongs; is the header row missing? Add it (e.g. Year;Value)",
    },
    "csv_field_count": {
        "sv": "raden har {found} fält men rubrikraden har {expected}; är avgränsaren '{sep}' "
        "rätt på raden?",
        "en": "the line has {found} fields but the header row has {expected}; is the "
        "separator '{sep}' right on the line?",
    },
    "csv_bad_period": {
        "sv": "'{value}' är ingen period; skriv 2021, 2021M03 eller 2021-03",
        "en": "'{value}' is not a period; write 2021, 2021M03 or 2021-03",
    },
    "csv_duplicate_period": {
        "sv": "perioden {period} finns redan på rad {first}; filen har fler än en serie, "
        "välj en med --row TEXT",
        "en": "the period {period} is already on line {first}; the file holds more than one "
        "series, choose one with --row TEXT",
    },
    "csv_mixed_periods": {
        "sv": "perioden {period} är inte av samma slag som {first} (rad {line_first}); "
        "blanda inte år och månader",
        "en": "the period {period} is not of the same kind as {first} (line {line_first}); "
        "do not mix years and months",
    },
    "csv_no_period_column": {
        "sv": "ingen kolumn med perioder (2021, 2021M03 eller 2021-03); kolumner: {columns}",
        "en": "no column of periods (2021, 2021M03 or 2021-03); columns: {columns}",
    },
    "csv_column_not_found": {
        "sv": "ingen kolumn '{column}'; kolumner: {columns}",
        "en": "no column '{column}'; columns: {columns}",
    },
    "csv_many_value_columns": {
        "sv": "flera kolumner med tal ({columns}); välj en med --column NAMN",
        "en": "several columns of numbers ({columns}); choose one with --column NAME",
    },
    "csv_no_value_column": {
        "sv": "ingen kolumn med tal; kolumner: {columns}",
        "en": "no column of numbers; columns: {columns}",
    },
    "csv_row_not_found": {
        "sv": "ingen rad innehåller '{row}'; rader: {rows}",
        "en": "no row holds '{row}'; rows: {rows}",
    },
    "csv_many_rows": {
        "sv": "filen har {count} rader med värden ({rows}); välj en med --row TEXT",
        "en": "the file has {count} rows of values ({rows}); choose one with --row TEXT",
    },
    "csv_not_a_number": {
        "sv": "'{value}' är inget tal",
        "en": "'{value}' is not a number",
    },
    "csv_number_dot": {
        "sv": "'{value}' har punkt; svenska exporter skriver decimalkomma (16,5) och "
        "mellanslag mellan tusental (72 266); exportera om eller rätta värdet",
        "en": "'{value}' has a dot; Swedish exports write a decimal comma (16,5) and spaces "
        "between thousands (72 266); export again or correct the value",
    },
    "csv_missing_dots": {
        "sv": "uppgift saknas ('..') för {period}; perioden hoppas över",
        "en": "figure not available ('..') for {period}; the period is skipped",
    },
    "csv_missing_dot": {
        "sv": "uppgift kan inte förekomma ('.') för {period}; perioden hoppas över",
        "en": "figure cannot occur ('.') for {period}; the period is skipped",
    },
    "csv_missing_dash": {
        "sv": "'-' för {period} hoppas över; skriv 0 i filen om det betyder noll",
        "en": "'-' for {period} is skipped; write 0 in the file if it means zero",
    },
    "csv_missing_empty": {
        "sv": "tomt värde för {period}; perioden hoppas över",
        "en": "empty value for {period}; the period is skipped",
    },
    "import_unreadable": {
        "sv": "{count} fel i {path}; rätta raderna ovan eller exportera om. Inget sparades.",
        "en": "{count} error(s) in {path}; correct the lines above or export again. "
        "Nothing was saved.",
    },
    "import_not_year": {
        "sv": "serien {id} är årsvis men {file} har månader; exportera årsvärden",
        "en": "the series {id} is yearly but {file} holds months; export yearly figures",
    },
    "import_not_month": {
        "sv": "serien {id} är månadsvis men {file} har år; exportera månadsvärden (2021M03)",
        "en": "the series {id} is monthly but {file} holds years; export monthly figures "
        "(2021M03)",
    },
    "import_conflict": {
        "sv": "perioden {period} har värdet {old} här, men importen (rad {line}) säger {new}; "
        "värdet är skrivet för hand med källa, ändra eller ta bort raden om importen är rätt",
        "en": "the period {period} has the value {old} here, but the import (line {line}) says "
        "{new}; the value was written by hand with a source, change or remove the line if the "
        "import is right",
    },
    "import_conflicts": {
        "sv": "{count} värde(n) i {path} skiljer sig från importen; inget sparades",
        "en": "{count} value(s) in {path} differ from the import; nothing was saved",
    },
    "import_flow_list": {
        "sv": "values i {path} är skriven som [ … ]; skriv ett värde per rad (- {{period: …}})",
        "en": "values in {path} is written as [ … ]; write one value per line (- {{period: …}})",
    },
    "import_verify_failed": {
        "sv": "kunde inte skriva värdena i {path} på ett säkert sätt; filen är oförändrad",
        "en": "could not write the values into {path} safely; the file is unchanged",
    },
    "import_done": {
        "sv": "Sparat värdena {first}–{last} i {path}: {added}, {changed}, {unchanged}.",
        "en": "Saved the values {first}–{last} in {path}: {added}, {changed}, {unchanged}.",
    },
    "csv_no_values": {
        "sv": "filen har inga värden att läsa in",
        "en": "the file holds no values to read in",
    },
    # the document `samverkan lagesbild`
    "lb_title": {"sv": "Samlad lägesbild {year}", "en": "Joint situation picture {year}"},
    "lb_subtitle": {
        "sv": "Skellefteå kommun och lokalpolisområde Skellefteå – samverkansavtal 2021–2025",
        "en": "Skellefteå municipality and the local police area of Skellefteå – cooperation "
        "agreement 2021–2025",
    },
    "lb_kicker": {"sv": "Samlad lägesbild", "en": "Joint situation picture"},
    "lb_meta": {
        "sv": "Grunddata: {data} ({n} serier). Plan: {plan}. Löftenas utfall per {as_of}.",
        "en": "Base data: {data} ({n} series). Plan: {plan}. The pledges' outcome as of {as_of}.",
    },
    "lb_meta_no_plan": {
        "sv": "Grunddata: {data} ({n} serier).",
        "en": "Base data: {data} ({n} series).",
    },
    "lb_contents": {"sv": "Innehåll", "en": "Contents"},
    "lb_intro_title": {"sv": "Inledning", "en": "Introduction"},
    "lb_analysis_title": {"sv": "Analys och slutsatser", "en": "Analysis and conclusions"},
    "lb_text_missing": {
        "sv": "Texten saknas. Beredningsgruppen skriver den i {path} (Markdown). {what}",
        "en": "The text is missing. The working group writes it in {path} (Markdown). {what}",
    },
    "lb_local_title": {"sv": "Lokal lägesbild", "en": "Local situation picture"},
    "lb_local_intro": {
        "sv": "Lägesbilden bygger på grunddata i {dir} ({n} serier). Varje siffra anges med "
        "sin källa i avsnittet Grunddata och källor sist i dokumentet; härledda tal anger "
        "vad de är härledda ur.",
        "en": "The picture rests on the base data in {dir} ({n} series). Every figure's "
        "source is given in the section Base data and sources at the end; derived figures "
        "say what they are derived from.",
    },
    "lb_crime_title": {"sv": "Brottsutveckling", "en": "Crime development"},
    "lb_crime_intro": {
        "sv": "Anmälda brott i Skellefteå kommun per månad, och januari till och med årets "
        "senaste månad med data jämfört med samma månader tidigare år, för en rättvis "
        "jämförelse med innevarande år, även per 1 000 invånare.",
        "en": "Reported crimes in the municipality per month, and January up to the year's "
        "latest month with data against the same months of earlier years, for a fair "
        "comparison with the current year, also per 1,000 inhabitants.",
    },
    "lb_chart_total_months": {
        "sv": "Diagram {n}. Totalt antal anmälda brott per månad, {first}–{last}",
        "en": "Chart {n}. Total reported crimes per month, {first}–{last}",
    },
    "lb_chart_type_months": {
        "sv": "Diagram {n}. Anmälda brott per månad, {first}–{last}: {name}",
        "en": "Chart {n}. Reported crimes per month, {first}–{last}: {name}",
    },
    "lb_chart_total_rate": {
        "sv": "Diagram {n}. Totalt antal anmälda brott per 1 000 invånare, {when}",
        "en": "Chart {n}. Total reported crimes per 1,000 inhabitants, {when}",
    },
    "lb_chart_types_rate": {
        "sv": "Diagram {n}. Anmälda våldsbrott och tillgreppsbrott (exkl. i butik) per 1 000 "
        "invånare, {when}",
        "en": "Chart {n}. Reported violent and theft crimes (excl. shops) per 1,000 "
        "inhabitants, {when}",
    },
    "lb_months_span": {"sv": "januari–{last}", "en": "January–{last}"},
    # The span and the years of a year-to-date chart: one year is named once.
    "lb_span_years": {"sv": "{span}, {first}–{last}", "en": "{span}, {first}–{last}"},
    "lb_span_year": {"sv": "{span} {year}", "en": "{span} {year}"},
    "lb_per_1000_unit": {"sv": "per 1 000 invånare", "en": "per 1,000 inhabitants"},
    "lb_col_year": {"sv": "År", "en": "Year"},
    "lb_col_population": {"sv": "Folkmängd", "en": "Population"},
    "lb_col_derived_from": {"sv": "Härlett ur", "en": "Derived from"},
    "lb_derivation_caption": {
        "sv": "{name}: anmälda brott {span} per 1 000 invånare = antal ÷ folkmängd samma år "
        "× 1 000",
        "en": "{name}: reported crimes {span} per 1,000 inhabitants = count ÷ population of "
        "the same year × 1,000",
    },
    "lb_col_count_span": {"sv": "Antal, {span}", "en": "Count, {span}"},
    "lb_change": {
        "sv": "{name}, {span} {year} mot {base}: {diff} brott ({pct} %), {rate} per 1 000 "
        "invånare. Härlett ur {sources}.",
        "en": "{name}, {span} {year} against {base}: {diff} crimes ({pct} %), {rate} per "
        "1,000 inhabitants. Derived from {sources}.",
    },
    "lb_change_unknown": {
        "sv": "{name}, {span} {year} mot {base}: kan inte beräknas, eftersom {missing} saknas "
        "i grunddata (se Att läsa in inför nästa uppdatering).",
        "en": "{name}, {span} {year} against {base}: cannot be computed, because {missing} is "
        "missing from the base data (see To read in before the next update).",
    },
    "lb_insecurity_title": {
        "sv": "Brott som kan antas skapa otrygghet",
        "en": "Crimes that may be assumed to create insecurity",
    },
    "lb_insecurity_intro": {
        "sv": "Anmälda brott inom 90 brottsklassificeringar som kan antas leda till otrygghet "
        "bland allmänheten. Det gäller enbart brott som anmäls till polisen; mörkertalet är "
        "troligtvis stort för viss typ av brottslighet.",
        "en": "Reported crimes in 90 crime codes that may be assumed to create insecurity "
        "among the public. Only crimes reported to the police are counted; the dark figure is "
        "probably large for some kinds of crime.",
    },
    "lb_chart_insecurity_months": {
        "sv": "Diagram {n}. Anmälda brott som kan antas skapa otrygghet per månad, {first}–{last}",
        "en": "Chart {n}. Reported crimes that may create insecurity per month, {first}–{last}",
    },
    "lb_chart_insecurity_ytd": {
        "sv": "Diagram {n}. Anmälda brott som kan antas skapa otrygghet, {when}",
        "en": "Chart {n}. Reported crimes that may create insecurity, {when}",
    },
    "lb_chart_insecurity_rate": {
        "sv": "Diagram {n}. Anmälda brott som kan antas skapa otrygghet per 1 000 invånare, "
        "{when}",
        "en": "Chart {n}. Reported crimes that may create insecurity per 1,000 inhabitants, "
        "{when}",
    },
    "lb_safety_title": {"sv": "Trygghet", "en": "Safety"},
    "lb_andts_title": {"sv": "ANDTS-undersökningen", "en": "The ANDTS survey"},
    "lb_andts_intro": {
        "sv": "ANDTS-undersökningen (alkohol, narkotika, dopning, tobak, spel) görs årligen "
        "bland elever i åk 9 och gymnasiets åk 2. Ett intervall som underlaget anger "
        "(3–4 %) visas som ett band, aldrig som ett mittvärde.",
        "en": "The ANDTS survey (alcohol, narcotics, doping, tobacco, gambling) is made every "
        "year among pupils in year 9 and upper secondary year 2. A range the source gives "
        "(3–4 %) is shown as a band, never as a midpoint.",
    },
    "lb_chart_unsafe": {
        "sv": "Diagram {n}. Otrygghet på gator och torg (för det mesta och alltid otrygg), "
        "{grade}",
        "en": "Chart {n}. Feeling unsafe in streets and squares (mostly or always), {grade}",
    },
    "lb_grade_ak9": {"sv": "åk 9 (grundskolan)", "en": "year 9 (compulsory school)"},
    "lb_grade_gy2": {"sv": "åk 2 (gymnasiet)", "en": "year 2 (upper secondary)"},
    "lb_chart_use": {
        "sv": "Diagram {n}. Elever som uppger att de druckit alkohol eller använt narkotika",
        "en": "Chart {n}. Pupils who say they have drunk alcohol or used narcotics",
    },
    "lb_ntu_title": {
        "sv": "Nationella trygghetsundersökningen (NTU)",
        "en": "The national safety survey (NTU)",
    },
    "lb_col_period": {"sv": "Period", "en": "Period"},
    "lb_col_respondents": {"sv": "Svarande", "en": "Respondents"},
    "lb_col_source": {"sv": "Källa", "en": "Source"},
    "lb_dialogue_title": {"sv": "Medborgardialog", "en": "Citizens' dialogue"},
    "lb_dialogue_latest": {
        "sv": "Den senaste medborgardialogen i grunddata är från {period}; ingen finns för {year}.",
        "en": "The latest citizens' dialogue in the base data is from {period}; there is none "
        "for {year}.",
    },
    "lb_chart_dialogue_gender": {
        "sv": "Diagram {n}. Svarande i medborgardialogen {period} efter kön ({total} totalt)",
        "en": "Chart {n}. Respondents of the citizens' dialogue {period} by gender ({total} in all)",
    },
    "lb_chart_dialogue_choice": {
        "sv": "Diagram {n}. Vad kommun och polis ska samverka mot, medborgardialogen {period}",
        "en": "Chart {n}. What the municipality and police should cooperate against, "
        "citizens' dialogue {period}",
    },
    "lb_dialogue_other": {
        "sv": "Övriga svar (alternativ 2 eller 3)",
        "en": "Other answers (alternative 2 or 3)",
    },
    "lb_dialogue_other_note": {
        "sv": "Underlaget anger antalet bara för alternativ 1; övriga svar är härledda som "
        "totalt antal svarande minus de som valde alternativ 1. Fördelningen på alternativ 2 "
        "(bedrägeribrott) och 3 (skadegörelse) finns bara som diagram i underlaget.",
        "en": "The source gives the count only for alternative 1; the other answers are "
        "derived as all respondents minus those who chose alternative 1. The split between "
        "alternative 2 (fraud) and 3 (vandalism) is only shown as a picture in the source.",
    },
    "lb_dialogue_share_caption": {
        "sv": "Valt alternativ i medborgardialogen {period}",
        "en": "Chosen alternative in the citizens' dialogue {period}",
    },
    "lb_col_alternative": {"sv": "Alternativ", "en": "Alternative"},
    "lb_col_share": {"sv": "Andel, %", "en": "Share, %"},
    "lb_derived": {"sv": "härlett ur {sources}", "en": "derived from {sources}"},
    "lb_focus_title": {
        "sv": "Fokusområden och mål",
        "en": "Focus areas and goals",
    },
    "lb_area_pledges": {
        "sv": "Löften i fokusområdet: {total} ({met} uppfyllda, {on_track} i fas, {behind} "
        "efter, {missed} missade, {untracked} utan mål) per {as_of}; se Bilaga 1.",
        "en": "Pledges in the focus area: {total} ({met} met, {on_track} on track, {behind} "
        "behind, {missed} missed, {untracked} untracked) as of {as_of}; see Appendix 1.",
    },
    "lb_goals_caption": {
        "sv": "Mål och indikatorer: {title}, {year}",
        "en": "Goals and indicators: {title}, {year}",
    },
    "lb_col_value_year": {"sv": "Värde {year}", "en": "Value {year}"},
    "lb_baseline_from_plan": {"sv": "{text} (planen)", "en": "{text} (the plan)"},
    "lb_plan_measurement": {"sv": "planens mätning: {source}", "en": "the plan's measurement: {source}"},
    "lb_goal_no_series": {
        "sv": "ingen serie i grunddata följer upp målet ännu (se docs/lagesbild.md om hur en "
        "serie kopplas till ett mål)",
        "en": "no series in the base data follows the goal yet (see docs/lagesbild.md on how "
        "a series is tied to a goal)",
    },
    "lb_goal_value_missing": {
        "sv": "{name}: saknas (läs in serien {id})",
        "en": "{name}: missing (read in the series {id})",
    },
    "lb_pledges_title": {"sv": "Bilaga 1 Medborgarlöften", "en": "Appendix 1 Pledges"},
    "lb_pledges_intro": {
        "sv": "Medborgarlöftena i åtagandeplanen för {year} och deras utfall per {as_of}, "
        "räknat ur de aktiviteter som registrerats med `samverkan log`.",
        "en": "The pledges of the {year} commitment plan and their outcome as of {as_of}, "
        "counted from the activities recorded with `samverkan log`.",
    },
    "lb_pledges_caption": {
        "sv": "Medborgarlöften {year}, utfall per {as_of}",
        "en": "Pledges {year}, outcome as of {as_of}",
    },
    "lb_no_target": {"sv": "inget antal (registreras)", "en": "no number (recorded)"},
    "lb_series_file_missing": {
        "sv": "Serien {id} finns inte ({dir}/{id}.yaml saknas). Skapa filen (se "
        "docs/lagesbild.md) och läs in värden:",
        "en": "The series {id} does not exist ({dir}/{id}.yaml is missing). Create the file "
        "(see docs/lagesbild.md) and read in values:",
    },
    "lb_series_empty": {
        "sv": "Serien {id} ({title}) har inga värden. Källa: {source} Läs in värden:",
        "en": "The series {id} ({title}) has no values. Source: {source} Read in values:",
    },
    "lb_series_lacks": {
        "sv": "Serien {id} ({title}) saknar värden för {periods}. Källa: {source} Läs in dem:",
        "en": "The series {id} ({title}) lacks values for {periods}. Source: {source} "
        "Read them in:",
    },
    "lb_missing": {"sv": "Saknas i grunddata", "en": "Missing from the base data"},
    "lb_notices_title": {
        "sv": "Att läsa in inför nästa uppdatering",
        "en": "To read in before the next update",
    },
    "lb_appendix_title": {"sv": "Grunddata och källor", "en": "Base data and sources"},
    "lb_appendix_intro": {
        "sv": "Varje serie i {dir} med källan till varje värde: meningen i underlaget "
        "(»…«) eller filen värdet lästes in från.",
        "en": "Every series in {dir} with the source of each value: the sentence of the "
        "source document (»…«) or the file the value was read in from.",
    },
    "lb_col_value": {"sv": "Värde", "en": "Value"},
    "lb_col_origin": {"sv": "Ursprung", "en": "Origin"},
    "lb_series_meta": {
        "sv": "Enhet: {unit}. Källa: {source}",
        "en": "Unit: {unit}. Source: {source}",
    },
    "lb_no_values": {"sv": "Inga värden ännu.", "en": "No values yet."},
    "lb_imported_from": {
        "sv": "inläst från {file} {date}",
        "en": "read in from {file} on {date}",
    },
    "lb_values_count": {"sv": "{n} värden", "en": "{n} values"},
    "lb_chart_source": {"sv": "Källa: {ids} (se Grunddata och källor).",
                        "en": "Source: {ids} (see Base data and sources)."},
    "lb_chart_source_html": {"sv": "Källa:", "en": "Source:"},
    "lb_values_caption": {"sv": "Värdena i {id} och deras ursprung",
                          "en": "The values of {id} and their origin"},
    "lb_chart_data": {"sv": "Värdena i diagram {n}", "en": "The values of chart {n}"},
    "lb_generated": {
        "sv": "Skapad med samverkan {version} den {created} ur grunddata i {data}.",
        "en": "Made with samverkan {version} on {created} from the base data in {data}.",
    },
    "lb_data_has_errors": {
        "sv": "grunddata i {dir} har fel; kör `samverkan validate {dir}` och rätta dem först",
        "en": "the base data in {dir} has errors; run `samverkan validate {dir}` and fix "
        "them first",
    },
    "lb_month_1": {"sv": "jan", "en": "Jan"},
    "lb_month_2": {"sv": "feb", "en": "Feb"},
    "lb_month_3": {"sv": "mar", "en": "Mar"},
    "lb_month_4": {"sv": "apr", "en": "Apr"},
    "lb_month_5": {"sv": "maj", "en": "May"},
    "lb_month_6": {"sv": "jun", "en": "Jun"},
    "lb_month_7": {"sv": "jul", "en": "Jul"},
    "lb_month_8": {"sv": "aug", "en": "Aug"},
    "lb_month_9": {"sv": "sep", "en": "Sep"},
    "lb_month_10": {"sv": "okt", "en": "Oct"},
    "lb_month_11": {"sv": "nov", "en": "Nov"},
    "lb_month_12": {"sv": "dec", "en": "Dec"},
    "lb_month_long_1": {"sv": "januari", "en": "January"},
    "lb_month_long_2": {"sv": "februari", "en": "February"},
    "lb_month_long_3": {"sv": "mars", "en": "March"},
    "lb_month_long_4": {"sv": "april", "en": "April"},
    "lb_month_long_5": {"sv": "maj", "en": "May"},
    "lb_month_long_6": {"sv": "juni", "en": "June"},
    "lb_month_long_7": {"sv": "juli", "en": "July"},
    "lb_month_long_8": {"sv": "augusti", "en": "August"},
    "lb_month_long_9": {"sv": "september", "en": "September"},
    "lb_month_long_10": {"sv": "oktober", "en": "October"},
    "lb_month_long_11": {"sv": "november", "en": "November"},
    "lb_month_long_12": {"sv": "december", "en": "December"},
    # --- editor, Excel and the terminal (issue 5) ---------------------------------
    "excel_missing": {
        "sv": "Excel-filer kräver tillägget openpyxl; installera det med "
        "pip install 'samverkan[excel]'",
        "en": "Excel files need the openpyxl add-on; install it with "
        "pip install 'samverkan[excel]'",
    },
    "xlsx_needs_output": {
        "sv": "--format xlsx skriver en fil; ange den med --output FIL.xlsx",
        "en": "--format xlsx writes a file; name it with --output FILE.xlsx",
    },
    "xlsx_suffix": {
        "sv": "en Excel-fil ska sluta på .xlsx (fick {path})",
        "en": "an Excel file must end in .xlsx (got {path})",
    },
    "output_is_plan": {
        "sv": "{path} ser ut som en planfil; välj ett annat namn för --output, "
        "planer skrivs aldrig över",
        "en": "{path} looks like a plan file; choose another name for --output, "
        "plans are never overwritten",
    },
    "output_is_dir": {
        "sv": "{path} är en mapp; ange ett filnamn med --output, t.ex. {path}/{name}",
        "en": "{path} is a folder; name a file with --output, e.g. {path}/{name}",
    },
    "output_no_dir": {
        "sv": "mappen {dir} finns inte; skapa den eller välj en annan plats för {path}",
        "en": "the folder {dir} does not exist; create it or choose another place for {path}",
    },
    "output_written": {
        "sv": "Sparat utskriften i {path}.",
        "en": "Saved the output in {path}.",
    },
    "log_needs_pledge": {
        "sv": "ange löftet: samverkan log LÖFTE (t.ex. samverkan log trygghetsvandringar). "
        "Utan terminal kan samverkan inte fråga; se löftena och deras id med samverkan pledges",
        "en": "name the pledge: samverkan log PLEDGE (e.g. samverkan log trygghetsvandringar). "
        "Without a terminal samverkan cannot ask; see the pledges and their ids with "
        "samverkan pledges",
    },
    "log_aborted": {"sv": "Avbrutet. Inget sparades.", "en": "Cancelled. Nothing was saved."},
    "log_not_saved": {"sv": "Inget sparades.", "en": "Nothing was saved."},
    "pick_heading": {"sv": "Medborgarlöften {year}:", "en": "Pledges {year}:"},
    "pick_prompt": {
        "sv": "Välj löfte: skriv numret, eller ord ur titeln för att söka",
        "en": "Choose a pledge: type its number, or words of the title to search",
    },
    "pick_out_of_range": {
        "sv": "välj ett nummer mellan 1 och {max}",
        "en": "choose a number from 1 to {max}",
    },
    "pick_several": {
        "sv": "Flera löften passar '{query}':",
        "en": "Several pledges match '{query}':",
    },
    "pick_none": {
        "sv": "Inget löfte passar '{query}'. Alla löften:",
        "en": "No pledge matches '{query}'. All pledges:",
    },
    "pick_date_year": {
        "sv": "datumet ska ligga i planåret {year}",
        "en": "the date must be in the plan year {year}",
    },
    "ask_date": {"sv": "Datum (ÅÅÅÅ-MM-DD)", "en": "Date (YYYY-MM-DD)"},
    "ask_place": {"sv": "Plats (Enter: ingen)", "en": "Place (Enter: none)"},
    "ask_place_counted": {
        "sv": "Plats (löftet räknas i antal olika platser)",
        "en": "Place (the pledge counts distinct places)",
    },
    "ask_place_needed": {
        "sv": "ange platsen; löftet räknas i antal olika {unit}",
        "en": "give the place; the pledge counts distinct {unit}",
    },
    "ask_place_earlier": {"sv": "Tidigare platser: {places}", "en": "Earlier places: {places}"},
    "ask_tags": {
        "sv": "Taggar, med komma emellan (Enter: inga)",
        "en": "Tags, separated by commas (Enter: none)",
    },
    "ask_tags_hint": {
        "sv": "Taggar, med komma emellan, t.ex. {tags} (Enter: inga)",
        "en": "Tags, separated by commas, e.g. {tags} (Enter: none)",
    },
    "ask_count": {"sv": "Antal ({unit})", "en": "Count ({unit})"},
    "ask_note": {
        "sv": "Anteckning, inga namn eller personnummer (Enter: ingen)",
        "en": "Note, no names or identity numbers (Enter: none)",
    },
    "ask_summary": {"sv": "Sparas: {activity}", "en": "To save: {activity}"},
    "ask_save": {"sv": "Spara? [J/n]", "en": "Save? [Y/n]"},
    "ask_yes_no": {"sv": "svara j (ja) eller n (nej)", "en": "answer y (yes) or n (no)"},
    "xl_sheet_pledges": {"sv": "Löften", "en": "Pledges"},
    "xl_sheet_goals": {"sv": "Mål", "en": "Goals"},
    "xl_sheet_about": {"sv": "Om", "en": "About"},
    "xl_sheet_activities": {"sv": "Aktiviteter", "en": "Activities"},
    "xl_counting": {"sv": "Räknas som", "en": "Counted as"},
    "xl_counting_sum": {"sv": "summa", "en": "sum"},
    "xl_counting_places": {"sv": "antal platser", "en": "distinct places"},
    "xl_counting_weeks": {"sv": "antal veckor", "en": "distinct weeks"},
    "xl_needed": {"sv": "Återstår", "en": "Needed"},
    "xl_start": {"sv": "Från", "en": "Start"},
    "xl_indicator": {"sv": "Indikator", "en": "Indicator"},
    "xl_baseline_year": {"sv": "Utgångsår", "en": "Baseline year"},
    "xl_baseline_value": {"sv": "Utgångsvärde", "en": "Baseline value"},
    "xl_baseline_low": {"sv": "Utgångsvärde lägst", "en": "Baseline low"},
    "xl_baseline_high": {"sv": "Utgångsvärde högst", "en": "Baseline high"},
    "xl_latest_year": {"sv": "Senaste mätår", "en": "Latest year"},
    "xl_latest_value": {"sv": "Senaste värde", "en": "Latest value"},
    "xl_about_what": {"sv": "Uppgift", "en": "Item"},
    "xl_about_value": {"sv": "Värde", "en": "Value"},
    "xl_about_plan": {"sv": "Planfil", "en": "Plan file"},
    "xl_about_year": {"sv": "Planår", "en": "Plan year"},
    "xl_about_as_of": {"sv": "Läget per", "en": "As of"},
    "xl_about_made_by": {"sv": "Skapad med", "en": "Made with"},
    "xl_date": {"sv": "Datum", "en": "Date"},
    "xl_pledge_id": {"sv": "Löfte (id)", "en": "Pledge (id)"},
    "xl_count": {"sv": "Antal", "en": "Count"},
    "xl_place": {"sv": "Plats", "en": "Place"},
    "xl_tags": {"sv": "Taggar", "en": "Tags"},
    "xl_by": {"sv": "Utförd av", "en": "By"},
    "xl_note": {"sv": "Anteckning", "en": "Note"},
    # --- the whole lägesbild, statistics rows ---
    "csv_rows_not_found": {
        "sv": "ingen rad innehåller alla av {wanted}; rader: {rows}",
        "en": "no row holds all of {wanted}; rows: {rows}",
    },
    "csv_many_rows_narrow": {
        "sv": "{count} rader passar ({rows}); ange ett --row TEXT till (alla ska passa) eller "
        "hela raden som den står här",
        "en": "{count} rows match ({rows}); give one more --row TEXT (all must match) or the "
        "whole row as it stands here",
    },
    "lb_and": {"sv": " och ", "en": " and "},
    "lb_lacks_file": {"sv": "filen finns inte", "en": "the file does not exist"},
    "lb_lacks_values": {"sv": "inga värden", "en": "no values"},
    "lb_lacks_periods": {"sv": "saknar {periods}", "en": "lacks {periods}"},
    "lb_change_range": {"sv": "{low} till {high}", "en": "{low} to {high}"},
    "lb_yearly_change_points": {
        "sv": "{name}, {year} mot {base}: {diff} procentenheter ({now} % mot {then} %). "
        "Härlett ur {sources}.",
        "en": "{name}, {year} against {base}: {diff} percentage points ({now} % against "
        "{then} %). Derived from {sources}.",
    },
    "lb_yearly_change": {
        "sv": "{name}, {year} mot {base}: {diff} {unit} ({now} mot {then}). Härlett ur {sources}.",
        "en": "{name}, {year} against {base}: {diff} {unit} ({now} against {then}). Derived "
        "from {sources}.",
    },
    "lb_agreement_title": {
        "sv": "Samverkansavtalet och organisationen",
        "en": "The agreement and its organisation",
    },
    "lb_other_cooperation_title": {
        "sv": "Övrig förekommande samverkan",
        "en": "Other cooperation",
    },
    "lb_surveys_title": {"sv": "Trygghetsundersökningar", "en": "Safety surveys"},
    "lb_open_comparisons_title": {
        "sv": "Öppna jämförelser – Trygghet och säkerhet (SKR och MSB)",
        "en": "Open comparisons – Safety and security (SKR and MSB)",
    },
    "lb_open_comparisons_missing": {
        "sv": "Grunddata har inga siffror ur Öppna jämförelser. För att visa dem här: skapa en "
        "seriefil vars namn börjar med {prefix}, t.ex. {dir}/{prefix}-trygghet.yaml (se "
        "docs/lagesbild.md), och läs in värdena med samverkan data import.",
        "en": "The base data holds no figures from the Open comparisons. To show them here: "
        "create a series file whose name starts with {prefix}, e.g. "
        "{dir}/{prefix}-trygghet.yaml (see docs/lagesbild.md), and read in the figures with "
        "samverkan data import.",
    },
    "lb_events_title": {
        "sv": "Årliga återkommande evenemang",
        "en": "Yearly recurring events",
    },
    "lb_events_outcome": {
        "sv": "{title} {year}: {outcome} ({unit}), {status} per {as_of}; se Bilaga 1.",
        "en": "{title} {year}: {outcome} ({unit}), {status} as of {as_of}; see Appendix 1.",
    },
    "lb_prevention_title": {"sv": "Förebyggargrupper", "en": "Prevention groups"},
    "lb_latest_figure": {
        "sv": "{title}: {value} {unit} ({period}). Källa: {sources}.",
        "en": "{title}: {value} {unit} ({period}). Source: {sources}.",
    },
    "lb_conditions_title": {
        "sv": "Geografiska och demografiska förutsättningar",
        "en": "Geographic and demographic conditions",
    },
    "lb_population_caption": {
        "sv": "{title}, de senaste åren i grunddata",
        "en": "{title}, the latest years in the base data",
    },
    "lb_followup_title": {
        "sv": "Uppföljning och utvärdering",
        "en": "Follow-up and evaluation",
    },
    "lb_no_plan": {
        "sv": "Fokusområdena, målen och medborgarlöftena för {year} hämtas ur åtagandeplanen "
        "{path}, som inte finns ännu.",
        "en": "The focus areas, goals and pledges for {year} come from the commitment plan "
        "{path}, which does not exist yet.",
    },
    "lb_dialogue_ages": {
        "sv": "{title} {period}: {values}. Källa: {sources}.",
        "en": "{title} {period}: {values}. Source: {sources}.",
    },
    "lb_contradiction": {
        "sv": "**Underlaget säger emot sig självt.** Det anger på ett ställe {stated} % för "
        "»{category}« (»{quote}«), men {part} av {whole} svarande är {derived} %. Båda "
        "siffrorna visas; tabellen räknar andelen ur antalen. Källor: {sources}.",
        "en": "**The source contradicts itself.** In one place it gives {stated} % for "
        "»{category}« (»{quote}«), but {part} of {whole} respondents is {derived} %. Both "
        "figures are shown; the table computes the share from the counts. Sources: "
        "{sources}.",
    },
    "lb_contradiction_analysis": {
        "sv": "**Obs!** Texten ovan anger {stated} % för »{category}«, men i medborgardialogen "
        "valde {part} av {whole} svarande det, dvs. {derived} % (se Medborgardialog).",
        "en": "**Note.** The text above gives {stated} % for »{category}«, but in the "
        "citizens' dialogue {part} of {whole} respondents chose it, i.e. {derived} % (see "
        "Citizens' dialogue).",
    },
    "lb_agreement_value": {
        "sv": "hela avtalet per {as_of}: {outcome}",
        "en": "whole agreement as of {as_of}: {outcome}",
    },
    "lb_agreement_counted_est": {
        "sv": "räknat ur EST-rapporterna i est/, som i samverkan status --agreement",
        "en": "counted from the EST reports in est/, as in samverkan status --agreement",
    },
    "lb_agreement_counted_activities": {
        "sv": "räknat ur aktiviteterna för löftet {pledge} i alla planår, som i samverkan "
        "status --agreement",
        "en": "counted from the activities of the pledge {pledge} in every plan year, as in "
        "samverkan status --agreement",
    },
    "lb_text_what_inledning": {
        "sv": "Där står varför den samlade lägesbilden tas fram och vad den ska användas till.",
        "en": "It says why the joint situation picture is made and what it is for.",
    },
    "lb_text_what_samverkansavtal": {
        "sv": "Där står hur samverkan är organiserad: styrgruppen, beredningsgruppen och "
        "arbetsgrupperna, och vilka som ingår.",
        "en": "It says how the cooperation is organised: the steering group, the working group "
        "and the task groups, and who takes part.",
    },
    "lb_text_what_ovrig_samverkan": {
        "sv": "Där står vilken annan samverkan mellan kommun och polis som finns, t.ex. råd, "
        "forum och nätverk.",
        "en": "It says what other cooperation between the municipality and the police there "
        "is, e.g. councils, forums and networks.",
    },
    "lb_text_what_trygghetsundersokningar": {
        "sv": "Där står vilka trygghetsundersökningar som görs och vad de kan och inte kan "
        "visa för kommunen.",
        "en": "It says which safety surveys are made and what they can and cannot show for "
        "the municipality.",
    },
    "lb_text_what_evenemang": {
        "sv": "Där står vilka återkommande evenemang (riskkvällar) kommun och polis planerar "
        "för under året.",
        "en": "It says which recurring events (risk nights) the municipality and the police "
        "plan for during the year.",
    },
    "lb_text_what_forebyggargrupper": {
        "sv": "Där står vad förebyggargrupperna är och vad de har sett under året.",
        "en": "It says what the prevention groups are and what they have seen during the year.",
    },
    "lb_text_what_forutsattningar": {
        "sv": "Där står kommunens geografiska och demografiska förutsättningar, t.ex. "
        "befolkning, segregation och tillväxt.",
        "en": "It describes the municipality's geographic and demographic conditions, e.g. "
        "population, segregation and growth.",
    },
    "lb_text_what_analys": {
        "sv": "Där står årets analys och slutsatser: vad lägesbilden visar och vad parterna ska "
        "prioritera.",
        "en": "It holds the year's analysis and conclusions: what the picture shows and what "
        "the parties should give priority to.",
    },
    "lb_text_what_uppfoljning": {
        "sv": "Där står hur arbetet följs upp och utvärderas: vem som sammanställer, när och "
        "för vem.",
        "en": "It says how the work is followed up and evaluated: who compiles it, when and "
        "for whom.",
    },
    # --- EST as of, same period last year, förebyggargrupper ---
    "est_follow_up_before_start_refused": {
        "sv": "uppföljningen {date} ligger före insatsens start {start}; följ upp insatsen "
        "när den har startat (--date {start} eller senare)",
        "en": "the follow-up {date} is before the measure's start {start}; follow the "
        "measure up once it has started (--date {start} or later)",
    },
    "est_last_year_line": {
        "sv": "Samma period i fjol: {period} ({span}).",
        "en": "Same period last year: {period} ({span}).",
    },
    "est_last_year_none": {
        "sv": "Samma period i fjol: ingen; {year} har ingen vecka 53, så veckan jämförs "
        "inte med året före.",
        "en": "Same period last year: none; {year} has no week 53, so the week is not "
        "compared with the year before.",
    },
    "est_area_last_year": {
        "sv": ", samma period i fjol {last_year} ({change})",
        "en": ", same period last year {last_year} ({change})",
    },
    "est_area_no_last_year": {"sv": ", samma period i fjol –", "en": ", same period last year –"},
    "est_area_not_started_last_year": {
        "sv": "Samma period i fjol: ingen jämförelse; området hade inte startat då.",
        "en": "Same period last year: no comparison; the area had not started then.",
    },
    "est_col_last_year": {"sv": "I fjol", "en": "Last year"},
    "est_col_change_last_year": {"sv": "Mot i fjol", "en": "vs last year"},
    "est_html_scroll": {
        "sv": "{name}: tabell, rulla i sidled",
        "en": "{name}: table, scroll sideways",
    },
    # förebyggargrupper: files and problems
    "what_est_group": {"sv": "gruppen", "en": "the group"},
    "what_est_group_picture": {"sv": "lägesbilden", "en": "the picture"},
    "est_more_groups_than_expected": {
        "sv": "filen har {n} grupper, men groups_expected säger {expected}; står en grupp två "
        "gånger?",
        "en": "the file has {n} groups, but groups_expected says {expected}; is a group listed "
        "twice?",
    },
    "est_group_period_kind": {
        "sv": "en grupps lägesbild gäller en vecka (en träff, t.ex. 2021-W10) eller en månad "
        "(t.ex. 2021-03), inte '{value}'",
        "en": "a group's picture covers a week (a meeting, e.g. 2021-W10) or a month "
        "(e.g. 2021-03), not '{value}'",
    },
    "est_group_picture_outside_year": {
        "sv": "lägesbilden hör till ISO-året {period_year}, men filen gäller {year}; flytta den "
        "till grupplagesbilder-{period_year}.yaml",
        "en": "the picture belongs to ISO year {period_year}, but the file is for {year}; move "
        "it to grupplagesbilder-{period_year}.yaml",
    },
    "est_group_picture_before_period": {
        "sv": "lägesbilden är daterad {date}, före perioden {period} (som börjar {first})",
        "en": "the picture is dated {date}, before the period {period} (which begins {first})",
    },
    "est_group_picture_overlaps": {
        "sv": "gruppen {group} har redan en lägesbild för {other}, som delar veckor med "
        "{period}; de veckorna räknas två gånger",
        "en": "the group {group} already has a picture for {other}, which shares weeks with "
        "{period}; those weeks are counted twice",
    },
    "est_unknown_group_ref": {
        "sv": "okänd förebyggargrupp '{id}'; grupper i forebyggargrupper.yaml: {ids}",
        "en": "unknown förebyggargrupp '{id}'; groups in forebyggargrupper.yaml: {ids}",
    },
    "est_unknown_group_category_ref": {
        "sv": "okänd kategori '{id}'; kategorier i forebyggargrupper.yaml: {ids}",
        "en": "unknown category '{id}'; categories in forebyggargrupper.yaml: {ids}",
    },
    "est_no_groups": {
        "sv": "hittar inte {path}; grupper och kategorier kontrolleras inte",
        "en": "cannot find {path}; groups and categories are not checked",
    },
    "est_groups_have_errors": {
        "sv": "{path} har fel; grupper och kategorier kontrolleras inte förrän de är rättade",
        "en": "{path} has errors; groups and categories are not checked until they are fixed",
    },
    "est_no_groups_file": {
        "sv": "hittar inte {path}; förebyggargrupperna står i forebyggargrupper.yaml i mappen "
        "est/ bredvid plans/ (ange en annan med --est-dir)",
        "en": "cannot find {path}; the förebyggargrupper are in forebyggargrupper.yaml in the "
        "folder est/ beside plans/ (name another with --est-dir)",
    },
    "est_no_groups_yet": {
        "sv": "{path} har inga grupper än; skriv in gruppen under groups: först",
        "en": "{path} has no groups yet; add the group under groups: first",
    },
    "est_unknown_group": {"sv": "okänd förebyggargrupp '{id}'", "en": "unknown group '{id}'"},
    "est_known_group": {"sv": "grupper: {ids}", "en": "groups: {ids}"},
    "est_group_bad_count": {
        "sv": "--count skrivs KATEGORI=ANTAL med ett heltal 0 eller mer, t.ex. --count "
        "mobbning=2 (fick '{value}')",
        "en": "--count is written CATEGORY=NUMBER with a whole number 0 or more, e.g. --count "
        "mobbning=2 (got '{value}')",
    },
    "est_group_count_twice": {
        "sv": "kategorin {category} anges två gånger med --count; ange den en gång",
        "en": "the category {category} is given twice with --count; give it once",
    },
    "est_group_picture_before_period_refused": {
        "sv": "lägesbilden är daterad {date}, före perioden {period} (som börjar {first}); "
        "ange --date för träffen, eller en period som har börjat",
        "en": "the picture is dated {date}, before the period {period} (which begins {first}); "
        "give --date of the meeting, or a period that has begun",
    },
    "est_group_empty": {
        "sv": "lägesbilden är tom; ange minst en --count KATEGORI=ANTAL eller --text",
        "en": "the picture is empty; give at least one --count CATEGORY=NUMBER or --text",
    },
    "est_group_picture_exists": {
        "sv": "gruppen {group} har redan en lägesbild för {period} ({id}); samma veckor ska "
        "inte räknas två gånger, så rätta den raden i filen i stället",
        "en": "the group {group} already has a picture for {period} ({id}); the same weeks must "
        "not count twice, so correct that line in the file instead",
    },
    # förebyggargrupper: what the commands print
    "est_group_recorded_tally": {
        "sv": "{group}, {period}: {total} observationer",
        "en": "{group}, {period}: {total} observations",
    },
    "est_groups_compared": {
        "sv": "Jämfört med {previous} ({previous_span}).",
        "en": "Compared with {previous} ({previous_span}).",
    },
    "est_group_title": {
        "sv": "Förebyggargrupp {name} ({id}): lägesbild {period}",
        "en": "Förebyggargrupp {name} ({id}): picture {period}",
    },
    "est_group_html_title": {
        "sv": "Förebyggargruppens lägesbild {period}",
        "en": "The förebyggargrupp's picture {period}",
    },
    "est_group_kicker": {
        "sv": "Förebyggargrupp · lägesbild för området",
        "en": "Förebyggargrupp · picture of the area",
    },
    "est_group_caption": {
        "sv": "{name}: observationer per kategori, {period}",
        "en": "{name}: observations per category, {period}",
    },
    "est_group_members": {"sv": "Deltar: {names}", "en": "Taking part: {names}"},
    "est_group_pictures": {"sv": "Lägesbilder: {pictures}", "en": "Pictures: {pictures}"},
    "est_group_not_reported": {
        "sv": "Ingen lägesbild för perioden.",
        "en": "No picture for the period.",
    },
    "est_group_no_previous": {
        "sv": "Ingen lägesbild förra perioden: inget att jämföra med (–).",
        "en": "No picture in the previous period: nothing to compare with (–).",
    },
    "est_group_text_line": {
        "sv": "Text {period} ({date}): {text}",
        "en": "Text {period} ({date}): {text}",
    },
    "est_group_no_text": {"sv": "Ingen text.", "en": "No text."},
    "est_groups_title": {
        "sv": "Förebyggargruppernas lägesbilder {period}",
        "en": "The förebyggargrupper's pictures {period}",
    },
    "est_groups_html_title": {
        "sv": "Förebyggargrupperna {period} – översikt till Fris",
        "en": "The förebyggargrupper {period} – overview for Fris",
    },
    "est_groups_kicker": {
        "sv": "Förebyggargrupperna · översikt till Fris, förebygganderådet i Skellefteå",
        "en": "The förebyggargrupper · overview for Fris, the prevention council in Skellefteå",
    },
    "est_groups_summary": {"sv": "Sammanfattning", "en": "Summary"},
    "est_groups_reported": {
        "sv": "{n} av {listed} grupper har lämnat lägesbild för perioden.",
        "en": "{n} of {listed} groups have given a picture for the period.",
    },
    "est_groups_expected": {
        "sv": "Grupperna är {expected} till antalet (underlaget).",
        "en": "There are {expected} groups (the source).",
    },
    "est_groups_all_reported": {
        "sv": "Alla grupper har lämnat lägesbild.",
        "en": "Every group has given a picture.",
    },
    "est_groups_not_reported": {
        "sv": "Ingen lägesbild från: {names}",
        "en": "No picture from: {names}",
    },
    "est_groups_table": {"sv": "Alla grupper per kategori", "en": "All groups by category"},
    "est_groups_caption": {
        "sv": "Observationer per grupp och kategori, {period}",
        "en": "Observations by group and category, {period}",
    },
    "est_col_group": {"sv": "Grupp", "en": "Group"},
    "est_col_total": {"sv": "Totalt", "en": "Total"},
    "est_groups_all": {"sv": "Alla grupper", "en": "All groups"},
    "est_groups_no_picture": {"sv": "ingen lägesbild", "en": "no picture"},
    "est_groups_nothing_to_compare": {
        "sv": "ingen lägesbild att jämföra med",
        "en": "no picture to compare with",
    },
    "est_groups_legend_text": {
        "sv": "Förra och I fjol: gruppens totalt förra perioden och samma period i fjol; – när "
        "gruppen inte lämnade någon lägesbild då.",
        "en": "Previous and Last year: the group's total in the previous period and the same "
        "period last year; – when the group gave no picture then.",
    },
    "est_groups_changes": {
        "sv": "Vad har ökat och minskat mest",
        "en": "What rose and fell most",
    },
    "est_groups_changes_note": {
        "sv": "Per grupp och kategori, bara för grupper som lämnat lägesbild båda perioderna.",
        "en": "By group and category, only for groups that gave a picture in both periods.",
    },
    "est_groups_rises": {
        "sv": "Störst ökning mot förra perioden",
        "en": "Largest rises since the previous period",
    },
    "est_groups_falls": {
        "sv": "Störst minskning mot förra perioden",
        "en": "Largest falls since the previous period",
    },
    "est_groups_rises_last_year": {
        "sv": "Störst ökning mot samma period i fjol",
        "en": "Largest rises since the same period last year",
    },
    "est_groups_falls_last_year": {
        "sv": "Störst minskning mot samma period i fjol",
        "en": "Largest falls since the same period last year",
    },
    "est_groups_change_line": {
        "sv": "{group}, {category}: {count} (förut {before}, {change})",
        "en": "{group}, {category}: {count} (before {before}, {change})",
    },
    "est_groups_no_changes": {"sv": "Inga.", "en": "None."},
    "est_groups_texts": {"sv": "Gruppernas egna texter", "en": "The groups' own texts"},
    "est_groups_privacy": {
        "sv": "Lägesbilderna beskriver läget i områdena, aldrig enskilda personer.",
        "en": "The pictures describe the situation in the areas, never individual people.",
    },
    # --- daily use ---
    "n_met": {"sv": "{n} uppfyllda", "en": "{n} met"},
    "n_met_one": {"sv": "{n} uppfyllt", "en": "{n} met"},
    "n_missed": {"sv": "{n} missade", "en": "{n} missed"},
    "n_missed_one": {"sv": "{n} missat", "en": "{n} missed"},
    "count_beyond": {"sv": "{done} (minst {target})", "en": "{done} (at least {target})"},
    "untracked_progress_one": {
        "sv": "{title}: {done} {unit} registrerad (inget mål, löftet följs upp som praxis)",
        "en": "{title}: {done} {unit} recorded (no target, the pledge is a standing practice)",
    },
    "activity_tags": {"sv": "taggar: {tags}", "en": "tags: {tags}"},
    "activity_by": {"sv": "av: {by}", "en": "by: {by}"},
    "did_you_mean_any": {
        "sv": "menade du något av: {choices}?",
        "en": "did you mean one of: {choices}?",
    },
    "col_pledge_id": {"sv": "Löfte (id och titel)", "en": "Pledge (id and title)"},
    "pledges_title_line": {
        "sv": "Medborgarlöften {year} ({plan})",
        "en": "Pledges {year} ({plan})",
    },
    "pledges_target": {"sv": "minst {min} {unit}", "en": "at least {min} {unit}"},
    "pledges_target_one": {"sv": "minst 1 ({unit})", "en": "at least 1 ({unit})"},
    "pledges_requirement": {
        "sv": "varav minst {min} med taggen {tag}",
        "en": "of which at least {min} tagged {tag}",
    },
    "pledges_counting_places": {
        "sv": "varje plats räknas en gång",
        "en": "each place counts once",
    },
    "pledges_counting_weeks": {
        "sv": "varje vecka räknas en gång",
        "en": "each week counts once",
    },
    "pledges_no_target": {"sv": "inget mål (registreras)", "en": "no target (recorded)"},
    "note_prefix": {"sv": "obs: {note}", "en": "note: {note}"},
    "log_outside_period": {
        "sv": "{date} ligger utanför löftets period {start} – {due}; aktiviteten sparades men "
        "räknas inte",
        "en": "{date} is outside the pledge's period {start} – {due}; the activity was saved "
        "but does not count",
    },
    "log_no_place": {
        "sv": "löftet räknas i antal olika {unit} och aktiviteten har ingen plats, så antalet "
        "ökade inte; ange platsen med --place nästa gång",
        "en": "the pledge counts distinct {unit} and the activity has no place, so the count "
        "did not rise; give the place with --place next time",
    },
    "log_place_counted": {
        "sv": "platsen '{place}' är redan räknad ({earlier}, {id} den {date}); varje plats "
        "räknas en gång, så antalet ökade inte. Var det en felregistrering: samverkan remove {new}",
        "en": "the place '{place}' is already counted ({earlier}, {id} on {date}); each place "
        "counts once, so the count did not rise. If it was a mistake: samverkan remove {new}",
    },
    "log_week_counted": {
        "sv": "vecka {week} är redan räknad ({id} den {date}); varje vecka räknas en gång, så "
        "antalet ökade inte",
        "en": "week {week} is already counted ({id} on {date}); each week counts once, so the "
        "count did not rise",
    },
    "report_how_counted": {"sv": "Så räknas det", "en": "How it is counted"},
    "report_why": {
        "sv": "{n} aktiviteter, {done} räknade: {reasons}.",
        "en": "{n} activities, {done} counted: {reasons}.",
    },
    "report_why_one": {
        "sv": "{n} aktiviteter, {done} räknad: {reasons}.",
        "en": "{n} activities, {done} counted: {reasons}.",
    },
    "report_why_outside": {
        "sv": "{n} ligger utanför löftets period",
        "en": "{n} outside the pledge's period",
    },
    "report_why_places": {
        "sv": "varje plats räknas en gång ({which})",
        "en": "each place counts once ({which})",
    },
    "report_why_weeks": {
        "sv": "varje vecka räknas en gång ({which})",
        "en": "each week counts once ({which})",
    },
    "report_why_times": {"sv": "{what} {n} gånger", "en": "{what} {n} times"},
    "report_why_no_place": {
        "sv": "{n} utan plats räknas inte",
        "en": "{n} without a place do not count",
    },
    "est_week_reported": {
        "sv": "vecka {week} har {area} redan en rapport i kategorin {category} ({ids}); båda "
        "räknas, {total} i veckan. Var det samma observation: ta bort den ena raden i {path}",
        "en": "week {week} of {area} already has a report in the category {category} ({ids}); "
        "both count, {total} in the week. If it was the same observation: remove one line in "
        "{path}",
    },
    "est_title_exists": {
        "sv": "en insats med titeln '{title}' finns redan ({ids}); den nya sparades som "
        "'{id}'. Var det samma insats: ta bort den nya i est/insatser.yaml",
        "en": "a measure titled '{title}' already exists ({ids}); the new one was saved as "
        "'{id}'. If it is the same measure: remove the new one in est/insatser.yaml",
    },
    "init_period_header": {"sv": "planens sidhuvud", "en": "the plan's header"},
    "init_beyond": {
        "sv": "{year} ligger utanför avtalsperioden {first}–{last} (enligt {where}); inget "
        "skrevs. Har avtalet förlängts: ändra last_year i plans/agreement.yaml, eller skapa "
        "planen ändå med --beyond-agreement",
        "en": "{year} is outside the agreement's period {first}–{last} (according to {where}); "
        "nothing was written. If the agreement was extended: change last_year in "
        "plans/agreement.yaml, or create the plan anyway with --beyond-agreement",
    },
    "init_beyond_note": {
        "sv": "{year} ligger utanför avtalsperioden {first}–{last} (enligt {where}); sidhuvudet "
        "säger det. Ändra last_year i plans/agreement.yaml om avtalet har förlängts",
        "en": "{year} is outside the agreement's period {first}–{last} (according to {where}); "
        "the header says so. Change last_year in plans/agreement.yaml if the agreement was "
        "extended",
    },
    "n_files_checked": {"sv": "{n} filer kontrollerade", "en": "{n} files checked"},
    "n_files_checked_one": {"sv": "{n} fil kontrollerad", "en": "{n} file checked"},
    "n_errors": {"sv": "{n} fel", "en": "{n} errors"},
    "n_errors_one": {"sv": "{n} fel", "en": "{n} error"},
    "n_warnings": {"sv": "{n} varningar", "en": "{n} warnings"},
    "n_warnings_one": {"sv": "{n} varning", "en": "{n} warning"},
    "n_paths": {"sv": "{n} sökvägar", "en": "{n} paths"},
    "n_paths_one": {"sv": "{n} sökväg", "en": "{n} path"},
    "n_new": {"sv": "{n} nya", "en": "{n} new"},
    "n_new_one": {"sv": "{n} nytt", "en": "{n} new"},
    "n_changed": {"sv": "{n} ändrade", "en": "{n} changed"},
    "n_changed_one": {"sv": "{n} ändrat", "en": "{n} changed"},
    "n_unchanged": {"sv": "{n} oförändrade", "en": "{n} unchanged"},
    "n_unchanged_one": {"sv": "{n} oförändrat", "en": "{n} unchanged"},
    "folder_missing": {
        "sv": "mappen {path} finns inte; ange en mapp som finns, kör i gruppens repository, "
        "eller peka ut det med miljövariabeln SAMVERKAN_HOME (se README)",
        "en": "the folder {path} does not exist; name a folder that exists, run in the "
        "group's repository, or point at it with the environment variable SAMVERKAN_HOME "
        "(see the README)",
    },
    # click's framing of help pages and usage errors (samverkan/cli/words.py); the English
    # is click's own
    "cli_usage": {"sv": "Användning:", "en": "Usage:"},
    "cli_options": {"sv": "Alternativ", "en": "Options"},
    "cli_arguments": {"sv": "Argument", "en": "Arguments"},
    "cli_commands": {"sv": "Kommandon", "en": "Commands"},
    "cli_options_metavar": {"sv": "[ALTERNATIV]", "en": "[OPTIONS]"},
    "cli_command_metavar": {"sv": "KOMMANDO [ARGUMENT]...", "en": "COMMAND [ARGS]..."},
    "cli_required": {"sv": "krävs", "en": "required"},
    "cli_default": {"sv": "standard", "en": "default"},
    "cli_env_var": {"sv": "miljövariabel", "en": "env var"},
    "cli_help_option": {"sv": "Visa den här hjälpen och avsluta.",
                        "en": "Show this message and exit."},
    "cli_install_completion": {
        "sv": "Installera komplettering med Tab-tangenten för skalet du använder.",
        "en": "Install completion for the current shell.",
    },
    "cli_show_completion": {
        "sv": "Visa kompletteringen för skalet du använder, för att kopiera den eller anpassa "
        "installationen.",
        "en": "Show completion for the current shell, to copy it or customize the "
        "installation.",
    },
    "cli_try_help": {"sv": "Hjälp: {command}", "en": "Try '{command}' for help."},
    "cli_aborted": {"sv": "Avbrutet.", "en": "Aborted!"},
    "cli_no_such_option": {"sv": "okänt alternativ {name}", "en": "no such option: {name}"},
    "cli_missing_argument": {"sv": "argumentet {name} saknas", "en": "missing argument {name}"},
    "cli_missing_option": {"sv": "alternativet {name} saknas", "en": "missing option {name}"},
    "cli_missing_parameter": {"sv": "{name} saknas", "en": "missing parameter {name}"},
    "cli_bad_value": {"sv": "ogiltigt värde för {name}: {problem}",
                      "en": "invalid value for {name}: {problem}"},
    "cli_not_one_of": {"sv": "{value} är inte ett av {choices}",
                       "en": "{value} is not one of {choices}"},
    "cli_not_integer": {"sv": "{value} är inte ett heltal", "en": "{value} is not a whole number"},
    "cli_not_number": {"sv": "{value} är inte ett tal", "en": "{value} is not a number"},
    "cli_not_boolean": {"sv": "{value} är varken ja eller nej", "en": "{value} is not yes or no"},
    "cli_not_in_range": {"sv": "{value} ligger utanför {range}",
                         "en": "{value} is outside {range}"},
    "cli_needs_value": {"sv": "{option} behöver ett värde, t.ex. {option} VÄRDE",
                        "en": "{option} needs a value"},
    "cli_needs_values": {"sv": "{option} behöver {n} värden", "en": "{option} needs {n} values"},
    "cli_no_value": {"sv": "{option} tar inget värde", "en": "{option} takes no value"},
    "cli_extra_args": {"sv": "för många argument: {args}", "en": "unexpected arguments: {args}"},
    "cli_no_command": {"sv": "okänt kommando {name}", "en": "no such command {name}"},
    "cli_no_command_guess": {"sv": "okänt kommando {name}; menade du {guess}?",
                             "en": "no such command {name}; did you mean {guess}?"},
    "cli_missing_command": {"sv": "ange ett kommando", "en": "name a command"},
    "html_to_file": {
        "sv": "ett HTML-dokument skrivs inte ut i terminalen; det sparades i {path}. Öppna det "
        "i webbläsaren, eller välj filen med --output FIL",
        "en": "an HTML document is not printed in the terminal; it was saved in {path}. Open "
        "it in the browser, or choose the file with --output FILE",
    },
    "html_file_exists": {
        "sv": "ett HTML-dokument skrivs inte ut i terminalen, och {path} finns redan; välj en "
        "fil med --output FIL (eller --format markdown för att läsa i terminalen)",
        "en": "an HTML document is not printed in the terminal, and {path} already exists; "
        "choose a file with --output FILE (or --format markdown to read it in the terminal)",
    },
    "pledges_hint": {
        "sv": "Registrera en aktivitet med samverkan log ID, t.ex. samverkan log "
        "trygghetsvandringar --tag centrum.",
        "en": "Record an activity with samverkan log ID, e.g. samverkan log "
        "trygghetsvandringar --tag centrum.",
    },
    # --- hostile input, outputs ---------------------------------------------------------
    "argument_not_utf8": {
        "sv": "{option} är inte skriven i UTF-8 ({value}); ställ in terminalen på UTF-8 "
        "och skriv texten (eller filnamnet) igen",
        "en": "{option} is not written in UTF-8 ({value}); set the terminal to UTF-8 and "
        "type the text (or the file name) again",
    },
    "argument_control_character": {
        "sv": "{option} innehåller ett styrtecken ({code}); skriv texten utan det",
        "en": "{option} holds a control character ({code}); give the text without it",
    },
    "path_refused": {
        "sv": "kan inte använda {path}: {reason}; kontrollera sökvägen",
        "en": "cannot use {path}: {reason}; check the path",
    },
    "bad_year_option": {
        "sv": "{option} ska vara ett år mellan {first} och {last} (fick '{value}')",
        "en": "{option} must be a year between {first} and {last} (got '{value}')",
    },
    "date_year_out_of_range": {
        "sv": "datumet {value} ligger utanför åren {first}–{last}; skriv ett datum som "
        "ÅÅÅÅ-MM-DD i de åren",
        "en": "the date {value} lies outside the years {first}–{last}; give a date as "
        "YYYY-MM-DD in those years",
    },
    "count_too_large": {
        "sv": "--count {value} är orimligt stort (högst {max}); skriv det verkliga antalet",
        "en": "--count {value} is unreasonably large (at most {max}); give the real number",
    },
    "plan_year_not_file_name": {
        "sv": "year: {year} stämmer inte med filnamnet {name}; en plan för {year} heter "
        "{year}.yaml (rätta year: till {file_year}, eller byt namn på filen)",
        "en": "year: {year} does not match the file name {name}; the plan of {year} is "
        "{year}.yaml (correct year: to {file_year}, or rename the file)",
    },
    "value_out_of_range": {
        "sv": "'{field}' är {value}, utanför {low}–{high} för enheten {unit}; rätta värdet",
        "en": "'{field}' is {value}, outside {low}–{high} for the unit {unit}; correct the "
        "value",
    },
    "measure_out_of_range": {
        "sv": "--value {value} ligger utanför {low}–{high} för målet {goal} (enhet {unit}); "
        "skriv andelen i procent, t.ex. 18,5. Inget sparades.",
        "en": "--value {value} lies outside {low}–{high} for the goal {goal} (unit {unit}); "
        "give the share in per cent, e.g. 18.5. Nothing was saved.",
    },
    "csv_number_too_large": {
        "sv": "'{value}' är inget rimligt tal (för stort); rätta cellen eller exportera om",
        "en": "'{value}' is not a reasonable number (too large); correct the cell or export "
        "again",
    },
    "import_out_of_range": {
        "sv": "värdet {value} för {period} ligger utanför {low}–{high} för serien {id} "
        "(enhet {unit}); kontrollera kolumnen (--column) och raden (--row)",
        "en": "the value {value} for {period} lies outside {low}–{high} for the series {id} "
        "(unit {unit}); check the column (--column) and the row (--row)",
    },
    "import_out_of_range_summary": {
        "sv": "{count} värde(n) i {path} passar inte serien {id}; inget sparades",
        "en": "{count} value(s) in {path} do not fit the series {id}; nothing was saved",
    },
    "text_control_character": {
        "sv": "otillåtet styrtecken ({code}); ta bort det, det hör inte hemma i en text",
        "en": "control character {code} is not allowed; remove it, it does not belong in a "
        "text",
    },
    "write_unexpected": {
        "sv": "kunde inte skriva {path}: tillägget lästes inte tillbaka som avsett ({what}). "
        "Filen är oförändrad; kör `samverkan validate {path}` och skriv in det för hand, "
        "eller rapportera felet",
        "en": "could not write {path}: the addition did not read back as intended ({what}). "
        "The file is unchanged; run `samverkan validate {path}` and add it by hand, or "
        "report the problem",
    },
    "write_unexpected_problem": {
        "sv": "filen fick detta fel: {problem}",
        "en": "the file got this error: {problem}",
    },
    "write_unexpected_layout": {
        "sv": "filens uppställning är ovanlig",
        "en": "the file is laid out in an unusual way",
    },
    "est_id_identity_number": {
        "sv": "id:t {masked} som --title ger innehåller ett personnummer eller "
        "samordningsnummer; beskriv insatsen utan det, eller ge ett eget id med --id. "
        "Inget sparades.",
        "en": "the id {masked} made from --title holds a personal identity number; describe "
        "the measure without it, or give an id of your own with --id. Nothing was saved.",
    },
    "remove_skipped_broken": {
        "sv": "{paths} har fel och söktes inte igenom; kör `samverkan validate` och rätta "
        "dem, eller ange planen med --plan FIL",
        "en": "{paths} have errors and were not searched; run `samverkan validate` and fix "
        "them, or name the plan with --plan FILE",
    },
    "output_is_input": {
        "sv": "{path} är en fil som samverkan läser (gruppens text i datamappen); välj ett "
        "annat namn för --output, indata skrivs aldrig över",
        "en": "{path} is a file samverkan reads (the group's text in the data folder); "
        "choose another name for --output, input is never overwritten",
    },
    "output_dangling_link": {
        "sv": "{path} är en länk till {target}, som inte finns; välj en vanlig fil för "
        "--output eller ta bort länken",
        "en": "{path} is a link to {target}, which does not exist; choose an ordinary file "
        "for --output or remove the link",
    },
    "output_not_a_file": {
        "sv": "{path} är ingen vanlig fil (en enhet eller ett uttag); ange en fil med "
        "--output, t.ex. rapport.md",
        "en": "{path} is not an ordinary file (a device or a socket); name a file with "
        "--output, e.g. report.md",
    },
    "output_no_reader": {
        "sv": "ingen process läser från röret",
        "en": "no process reads from the pipe",
    },
    "lb_notices": {
        "sv": "{n} serier saknar värden; se avsnittet ”Att läsa in inför nästa uppdatering”",
        "en": "{n} series lack values; see the section “To read in before the next update”",
    },
    "lb_notices_one": {
        "sv": "1 serie saknar värden; se avsnittet ”Att läsa in inför nästa uppdatering”",
        "en": "1 series lacks values; see the section “To read in before the next update”",
    },
    # --- merge driver ---------------------------------------------------------
    "what_measurement": {"sv": "mätvärdet", "en": "the measurement"},
    "what_series_value": {"sv": "värdet", "en": "the value"},
    "merge_conflict_changed": {
        "sv": "{what} {key} har ändrats på olika sätt på båda sidorna (vår version rad "
        "{ours}, deras rad {theirs}); behåll rätt version mellan markeringarna och ta bort "
        "markeringarna",
        "en": "{what} {key} was changed differently on both sides (our version line {ours}, "
        "theirs line {theirs}); keep the right version between the markers and remove the "
        "markers",
    },
    "merge_conflict_removed_ours": {
        "sv": "{what} {key} har tagits bort hos oss men ändrats hos dem (rad {theirs}); "
        "behåll den ändrade eller ta bort den, och ta bort markeringarna",
        "en": "{what} {key} was removed on our side but changed on theirs (line {theirs}); "
        "keep the changed one or remove it, and remove the markers",
    },
    "merge_conflict_removed_theirs": {
        "sv": "{what} {key} har ändrats hos oss (rad {ours}) men tagits bort hos dem; "
        "behåll den ändrade eller ta bort den, och ta bort markeringarna",
        "en": "{what} {key} was changed on our side (line {ours}) but removed on theirs; "
        "keep the changed one or remove it, and remove the markers",
    },
    "merge_conflict_same_key": {
        "sv": "två olika poster har samma nyckel: {what} {key} finns hos oss på rad {ours} och "
        "hos dem på rad {theirs}; behåll båda med var sitt id (ta bort den ena med "
        "samverkan remove och registrera den igen) eller den som stämmer, och ta bort "
        "markeringarna",
        "en": "two different records have the same key: {what} {key} is ours on line {ours} "
        "and theirs on line {theirs}; keep both with an id each (remove one with samverkan "
        "remove and record it again) or the one that is right, and remove the markers",
    },
    "merge_conflict_text": {
        "sv": "raderna har ändrats på olika sätt på båda sidorna; behåll rätt version mellan "
        "markeringarna och ta bort markeringarna",
        "en": "the lines were changed differently on both sides; keep the right version "
        "between the markers and remove the markers",
    },
    "merge_conflicts": {
        "sv": "{path}: {count} konflikt(er) att lösa för hand, allt annat är sammanslaget; "
        "rätta filen, kör samverkan validate och sedan git add {path}",
        "en": "{path}: {count} conflict(s) to resolve by hand, everything else is merged; "
        "fix the file, run samverkan validate and then git add {path}",
    },
    "merge_invalid": {
        "sv": "{path}: den sammanslagna filen har fel som ingen av sidorna hade (ovan); rätta "
        "dem, kör samverkan validate och sedan git add {path}",
        "en": "{path}: the merged file has errors neither side had (above); fix them, run "
        "samverkan validate and then git add {path}",
    },
    "merge_as_text": {
        "sv": "{path} kunde inte slås ihop post för post ({reason}); git:s vanliga "
        "sammanslagning rad för rad användes",
        "en": "{path} could not be merged record by record ({reason}); git's ordinary "
        "line-by-line merge was used",
    },
    "merge_reason_layout": {
        "sv": "någon av versionerna gick inte att dela upp i poster",
        "en": "one of the versions could not be cut into records",
    },
    "merge_reason_not_utf8": {
        "sv": "någon av versionerna är inte UTF-8",
        "en": "one of the versions is not UTF-8",
    },
    "merge_failed": {
        "sv": "{path} kunde inte slås ihop ({reason}); filen har vår version och git "
        "markerar den som en konflikt: hämta deras med git checkout --theirs {path} och "
        "för över det som saknas",
        "en": "{path} could not be merged ({reason}); the file has our version and git marks "
        "it as a conflict: get theirs with git checkout --theirs {path} and carry over what "
        "is missing",
    },
    "git_setup_done": {
        "sv": "git i {top} slår nu ihop planer, EST-filer och grunddata post för post "
        "(merge.samverkan.driver = {driver})",
        "en": "git in {top} now merges plans, EST files and base data record by record "
        "(merge.samverkan.driver = {driver})",
    },
    "git_setup_already": {
        "sv": "git i {top} är redan inställt (merge.samverkan.driver = {driver})",
        "en": "git in {top} is already set up (merge.samverkan.driver = {driver})",
    },
    "git_setup_not_repo": {
        "sv": "{path} ligger inte i en git-klon; kör kommandot i klonen med planerna "
        "(efter git clone)",
        "en": "{path} is not in a git clone; run the command in the clone with the plans "
        "(after git clone)",
    },
    "git_setup_no_git": {
        "sv": "git finns inte på den här datorn ({reason}); installera git först",
        "en": "git is not on this computer ({reason}); install git first",
    },
    "git_setup_attributes": {
        "sv": "varning: .gitattributes i {top} säger inte merge=samverkan för {patterns}; "
        "lägg till en rad per mönster, t.ex. plans/*.yaml merge=samverkan, och checka in "
        "filen",
        "en": "warning: .gitattributes in {top} does not say merge=samverkan for {patterns}; "
        "add one line per pattern, e.g. plans/*.yaml merge=samverkan, and commit the file",
    },
    "git_driver_missing": {
        "sv": "git slår inte ihop planerna post för post i den här klonen: merge-drivrutinen "
        "samverkan är inte inställd; kör samverkan git-setup en gång",
        "en": "git does not merge the plans record by record in this clone: the merge driver "
        "samverkan is not set up; run samverkan git-setup once",
    },
    # --- source and decisions, counting dates, tag titles ---
    "origin_missing": {
        "sv": "{what} '{id}' varken citerar underlaget (source:) eller är markerat som "
        "gruppens beslut (decided:); skriv in underlagets mening ordagrant, eller vem som "
        "har beslutat",
        "en": "{what} '{id}' neither quotes the source (source:) nor is marked as the "
        "group's decision (decided:); copy the source's sentence word for word, or say "
        "who decided",
    },
    "origin_values_missing": {
        "sv": "{what} '{id}': {values} varken citeras ur underlaget (source:) eller är "
        "markerade som gruppens beslut (decided: values); lägg till citatet eller beslutet",
        "en": "{what} '{id}': {values} neither quoted from the source (source:) nor marked "
        "as the group's decision (decided: values); add the quote or the decision",
    },
    "what_tag": {"sv": "taggen", "en": "the tag"},
    "tag_undefined": {
        "sv": "taggen '{tag}' finns inte under tags: i planen (där finns: {known}); lägg "
        "till den där med id och titel (id: {tag}, title: …)",
        "en": "the tag '{tag}' is not under tags: in the plan (there are: {known}); add it "
        "there with an id and a title (id: {tag}, title: …)",
    },
    "dates_count_ignored": {
        "sv": "löftet '{pledge}' räknas i olika dagar, så count: {count} räknas som en "
        "dag; registrera varje dag för sig",
        "en": "the pledge '{pledge}' counts distinct days, so count: {count} counts as one "
        "day; record each day on its own",
    },
    "log_dates_count": {
        "sv": "löftet '{pledge}' räknas i olika dagar ({unit}): två aktiviteter samma dag "
        "räknas som en, så --count {count} räknas inte; registrera varje dag för sig med "
        "--date",
        "en": "the pledge '{pledge}' counts distinct days ({unit}): two activities on one "
        "day count as one, so --count {count} would not count; record each day on its own "
        "with --date",
    },
    "log_date_counted": {
        "sv": "dagen {date} är redan räknad ({id}); varje dag räknas en gång, så antalet "
        "ökade inte",
        "en": "the day {date} is already counted ({id}); each day counts once, so the count "
        "did not rise",
    },
    "log_unknown_tag": {
        "sv": "taggen '{tag}' finns inte under tags: i planen{guess} och sparades som den är. "
        "Är den ny, lägg till den där med id och titel (där finns: {known}); var det en "
        "felskrivning: samverkan remove {id}",
        "en": "the tag '{tag}' is not under tags: in the plan{guess} and was saved as it is. "
        "If it is new, add it there with an id and a title (there are: {known}); if it was "
        "a typo: samverkan remove {id}",
    },
    "log_unknown_tag_guess": {"sv": " (menade du '{guess}'?)", "en": " (did you mean '{guess}'?)"},
    "pledges_counting_dates": {
        "sv": "varje dag räknas en gång (två samma kväll är en)",
        "en": "each day counts once (two on one evening are one)",
    },
    "report_why_dates": {
        "sv": "varje dag räknas en gång ({which})",
        "en": "each day counts once ({which})",
    },
    "concept_title": {
        "sv": "{title} (konceptet ”{concept}”)",
        "en": "{title} (the concept “{concept}”)",
    },
    "origin_legend": {
        "sv": "* = gruppens eget beslut, står inte i avtalets underlag",
        "en": "* = the group's own decision, not stated in the agreement's background document",
    },
    "origin_source": {"sv": "Ur underlaget: ”{source}”", "en": "From the source: “{source}”"},
    "origin_decided": {
        "sv": "Gruppens beslut ({by}): {values}",
        "en": "The group's decision ({by}): {values}",
    },
    "origin_decided_all_pledge": {"sv": "hela löftet", "en": "the whole pledge"},
    "origin_decided_all_goal": {"sv": "hela målet", "en": "the whole goal"},
    "origin_value_owner": {"sv": "ansvarig part", "en": "owner"},
    "origin_value_focus_area": {"sv": "fokusområde", "en": "focus area"},
    "origin_value_target": {"sv": "mål och period", "en": "target and period"},
    "origin_value_indicator": {"sv": "indikator", "en": "indicator"},
    "origin_value_direction": {"sv": "riktning", "en": "direction"},
    "origin_value_baseline": {"sv": "utgångsläge", "en": "baseline"},
    "col_origin": {"sv": "Källa", "en": "Source"},
    "lb_area_decided": {
        "sv": "* Gruppens eget beslut, står inte i underlaget: att {titles} hör till "
        "fokusområdet.",
        "en": "* The group's own decision, not stated in the source: that {titles} belong "
        "to the focus area.",
    },
    "xl_counting_dates": {"sv": "antal dagar", "en": "distinct days"},
    "pub_counting_dates": {
        "sv": "Varje dag räknas en gång, även om flera insatser gjordes samma kväll.",
        "en": "Each day counts once, even when several efforts were made the same evening.",
    },
    # --- milestones, one fact, planned dates ---
    # milestones of an agreement goal (plans/agreement.yaml)
    "milestone_outside_agreement": {
        "sv": "delmålet {date} ligger utanför avtalsperioden {first}–{last}; ange ett datum "
        "inom avtalet",
        "en": "the milestone {date} lies outside the agreement period {first}–{last}; give a "
        "date within the agreement",
    },
    "milestone_order": {
        "sv": "delmålet {date} står efter delmålet {earlier}; skriv delmålen i datumordning, "
        "ett per datum",
        "en": "the milestone {date} comes after the milestone {earlier}; write the milestones "
        "in date order, one per date",
    },
    "milestone_min_falls": {
        "sv": "delmålet kräver {min}, färre än delmålet {date} före det ({earlier}); ett senare "
        "delmål kräver minst lika många",
        "en": "the milestone asks for {min}, fewer than the milestone {date} before it "
        "({earlier}); a later milestone asks for at least as many",
    },
    "milestone_above_goal": {
        "sv": "delmålet kräver {min}, fler än målet '{id}' självt ({goal_min}); sänk delmålet "
        "eller höj målets min",
        "en": "the milestone asks for {min}, more than the goal '{id}' itself ({goal_min}); "
        "lower the milestone or raise the goal's min",
    },
    "agreement_milestone": {"sv": "  delmål senast {by}", "en": "  milestone by {by}"},
    "report_milestone": {"sv": "Delmål: minst {min} senast {by}",
                         "en": "Milestone: at least {min} by {by}"},
    # one value per fact: a goal's values, in the plan or in a data series
    "goal_series_and_measurements": {
        "sv": "målet '{id}' läser sina värden ur serien {series} (series:) men har också "
        "measurements:; ett värde står på ett ställe: flytta värdena till data/{series}.yaml "
        "och ta bort measurements:",
        "en": "the goal '{id}' reads its values from the series {series} (series:) but also "
        "has measurements:; a value is kept in one place: move the values into "
        "data/{series}.yaml and remove measurements:",
    },
    "measurement_date_before_year": {
        "sv": "mätningen för {year} är daterad {date}, före året; date: är dagen värdet blev "
        "känt",
        "en": "the measurement for {year} is dated {date}, before the year; date: is the day "
        "the value became known",
    },
    "goal_series_missing": {
        "sv": "målet '{id}' läser sina värden ur serien '{series}', men {path} finns inte; "
        "rätta series: eller lägg till serien (se docs/lagesbild.md)",
        "en": "the goal '{id}' reads its values from the series '{series}', but {path} does "
        "not exist; correct series: or add the series (see docs/lagesbild.md)",
    },
    "goal_series_invalid": {
        "sv": "målet '{id}' läser sina värden ur {path}, som har fel; kör samverkan validate "
        "och rätta serien",
        "en": "the goal '{id}' reads its values from {path}, which has errors; run samverkan "
        "validate and correct the series",
    },
    "goal_series_not_yearly": {
        "sv": "serien '{series}' är månadsvis; ett mål mäts per år, välj en årsvis serie",
        "en": "the series '{series}' is monthly; a goal is measured by the year, choose a "
        "yearly series",
    },
    "goal_series_other_goal": {
        "sv": "serien '{series}' följer upp målet '{other}' (goal: i {path}); ett mål och dess "
        "serie ska peka på varandra",
        "en": "the series '{series}' follows the goal '{other}' (goal: in {path}); a goal and "
        "its series must name each other",
    },
    "goal_series_named_elsewhere": {
        "sv": "målet '{id}' läser sina värden ur serien '{series}' enligt planen för {year}; "
        "flytta mätningarna dit med samverkan measure och ta bort dem här",
        "en": "the goal '{id}' reads its values from the series '{series}' according to the "
        "{year} plan; move the measurements there with samverkan measure and remove them here",
    },
    "goal_value_differs_from_series": {
        "sv": "målet '{id}' har {value} för {year} här, men serien '{series}' har {other}; "
        "låt målet läsa serien (series: {series}) och ta bort measurements:",
        "en": "the goal '{id}' has {value} for {year} here, but the series '{series}' has "
        "{other}; let the goal read the series (series: {series}) and remove measurements:",
    },
    "measure_future_date": {
        "sv": "--date {date} ligger i framtiden; ange dagen värdet blev känt",
        "en": "--date {date} lies in the future; give the day the value became known",
    },
    "measure_date_before_year": {
        "sv": "--date {date} ligger före mätåret {year}; ange dagen värdet blev känt",
        "en": "--date {date} lies before the measured year {year}; give the day the value "
        "became known",
    },
    "measure_needs_source": {
        "sv": "målet '{id}' läser sina värden ur serien {series}, där varje värde anger sin "
        "källa; ange --source, t.ex. --source \"ANDTS 2021\"",
        "en": "the goal '{id}' reads its values from the series {series}, where every value "
        "gives its source; give --source, e.g. --source \"ANDTS 2021\"",
    },
    "measure_series_by_hand": {
        "sv": "värdet för {year} i {path} (rad {line}: {value}) är skrivet för hand med sin "
        "källa och skrivs inte över; är den nya siffran rätt, ändra raden för hand",
        "en": "the value for {year} in {path} (line {line}: {value}) was written by hand with "
        "its source and is not overwritten; if the new figure is right, change the line by hand",
    },
    "lb_measured_with": {
        "sv": "registrerat med samverkan measure {date}: {source}",
        "en": "recorded with samverkan measure on {date}: {source}",
    },
    # planned occasions of a pledge (planned:)
    "planned_outside_period": {
        "sv": "det planerade tillfället {date} ligger utanför löftets period {start} – {due} "
        "('{id}'); rätta datumet eller löftets start/due",
        "en": "the planned occasion {date} lies outside the pledge's period {start} – {due} "
        "('{id}'); correct the date or the pledge's start/due",
    },
    "planned_duplicate_date": {
        "sv": "datumet {date} är redan planerat (rad {first}); ett tillfälle per datum",
        "en": "the date {date} is already planned (line {first}); one occasion per date",
    },
    "planned_title": {"sv": "Planerade tillfällen", "en": "Planned occasions"},
    "planned_next": {"sv": "nästa {occasion}", "en": "next {occasion}"},
    "planned_none_left": {"sv": "inga fler planerade", "en": "no more planned"},
    "planned_not_done": {"sv": "ej genomförd {occasion}", "en": "not done {occasion}"},
    "log_planned_occasion": {
        "sv": "Planerat tillfälle: {name} ({date}).",
        "en": "Planned occasion: {name} ({date}).",
    },
    "report_planned": {"sv": "Planerade tillfällen", "en": "Planned occasions"},
    "report_occasion": {"sv": "{date} {name}: {state}", "en": "{date} {name}: {state}"},
    "report_occasion_done": {"sv": "genomförd", "en": "done"},
    "report_occasion_not_done": {"sv": "ej genomförd", "en": "not done"},
    "report_occasion_coming": {"sv": "planerad", "en": "planned"},
    "report_occasions_summary": {
        "sv": "{done} av {passed} som har passerat genomfördes; {coming} återstår",
        "en": "{done} of the {passed} that have passed were done; {coming} to come",
    },
}


def tr(lang: str, message_key: str, **values: object) -> str:
    """The message `message_key` in `lang` (sv or en), with `values` filled in."""
    texts = MESSAGES[message_key]
    text = texts.get(lang) or texts["sv"]
    return text.format(**values) if values else text


def identity_number_hint(lang: str, looks_like: str | None) -> str:
    """For a number written like a phone number or a time (`looks_like`), a sentence, with
    a space before it, on why it reads as an identity number and how to write it so that it
    does not; "" for any other number."""
    return " " + tr(lang, f"identity_hint_{looks_like}") if looks_like else ""


def identity_number_message(lang: str, masked: str, looks_like: str | None) -> str:
    """The problem `validate` reports for an identity number in a file (the file and line
    go with the problem): the number masked, what to do, and the hint if any."""
    message = tr(lang, "identity_number", masked=masked)
    hint = identity_number_hint(lang, looks_like)
    return f"{message}.{hint}" if hint else message


def counted(lang: str, message_key: str, n: int) -> str:
    """`n` with its word, singular for one (`1 fil`, `2 filer`): the key `KEY_one` for 1,
    `KEY` otherwise; both take `{n}`."""
    return tr(lang, f"{message_key}_one" if n == 1 else message_key, n=n)


# The YAML parser's commonest complaints (it gives them in English), with what to do.
YAML_DETAILS: dict[str, dict[str, str]] = {
    "mapping values are not allowed": {
        "sv": "ett kolon (:) där det inte får stå; sätt texten inom citattecken "
        "(\"…: …\") eller rätta indraget",
        "en": "a colon (:) where none may stand; put the text in quotes (\"…: …\") "
        "or correct the indentation"},
    "did not find expected ',' or ']'": {
        "sv": "listan inom [ ] stängs inte; lägg till ] eller ett kommatecken",
        "en": "the list in [ ] is not closed; add ] or a comma"},
    "did not find expected ',' or '}'": {
        "sv": "mappningen inom { } stängs inte; lägg till } eller ett kommatecken",
        "en": "the mapping in { } is not closed; add } or a comma"},
    "found unexpected end of stream": {
        "sv": "filen tar slut mitt i ett värde; stäng citattecknet eller klammern",
        "en": "the file ends inside a value; close the quote or bracket"},
    "did not find expected key": {
        "sv": "oväntat indrag; ge raden samma indrag som raderna bredvid",
        "en": "unexpected indentation; indent the line like the lines beside it"},
    "expected <block end>": {
        "sv": "oväntat indrag; ge raden samma indrag som raderna bredvid",
        "en": "unexpected indentation; indent the line like the lines beside it"},
    "did not find expected '-' indicator": {
        "sv": "oväntat indrag i listan; ge raden samma indrag som raderna bredvid",
        "en": "unexpected indentation in the list; indent the line like the lines beside it"},
    "could not find expected ':'": {
        "sv": "kolon (:) saknas efter nyckeln",
        "en": "a colon (:) is missing after the key"},
    "found undefined alias": {
        "sv": "ett alias (*namn) som inte är definierat; skriv ut värdet i stället",
        "en": "an alias (*name) that is not defined; write the value out"},
    "found character that cannot start any token": {
        "sv": "ett tecken som inte kan inleda ett värde (som @ eller `); sätt texten inom "
        "citattecken",
        "en": "a character that cannot start a value (like @ or `); put the text in quotes"},
}


def yaml_detail(lang: str, detail: str) -> str:
    """The YAML parser's complaint in `lang` (its own English when not a common one)."""
    for start, texts in YAML_DETAILS.items():
        if detail.startswith(start):
            return texts.get(lang) or texts["sv"]
    return detail


# The operating system's reasons, which it gives in English, in the user's language.
OS_REASONS: dict[str, dict[str, str]] = {
    "ENOENT": {"sv": "mappen finns inte", "en": "the folder does not exist"},
    "EISDIR": {"sv": "det är en mapp; ange en fil i den",
               "en": "it is a folder; name a file in it"},
    "ENOTDIR": {"sv": "en del av sökvägen är en fil, inte en mapp",
                "en": "part of the path is a file, not a folder"},
    "EACCES": {"sv": "du saknar behörighet", "en": "you do not have permission"},
    "EPERM": {"sv": "du saknar behörighet", "en": "you do not have permission"},
    "ENOSPC": {"sv": "disken är full", "en": "the disk is full"},
    "EROFS": {"sv": "filsystemet är skrivskyddat", "en": "the file system is read-only"},
    "ENAMETOOLONG": {"sv": "namnet är för långt", "en": "the name is too long"},
}


def os_reason(lang: str, exc: OSError) -> str:
    """Why an operation on a file failed, in `lang` (the system's own text when unknown)."""
    import errno

    texts = OS_REASONS.get(errno.errorcode.get(exc.errno or 0, ""))
    if texts:
        return texts.get(lang) or texts["sv"]
    return exc.strerror or str(exc)


# --- report (samverkan report) ---------------------------------------------------------
REPORT_MESSAGES: dict[str, dict[str, str]] = {
    "report_year_and_agreement": {
        "sv": "ange antingen --year (eller --plan) eller --agreement, inte båda",
        "en": "give either --year (or --plan) or --agreement, not both",
    },
    "report_output_is_plan": {
        "sv": "--output {path} ser ut som en planfil (.yaml); välj ett namn som slutar på "
        ".html eller .md",
        "en": "--output {path} looks like a plan file (.yaml); choose a name ending in "
        ".html or .md",
    },
    "report_output_not_html": {
        "sv": "--output {path}: samverkan skriver html eller markdown, inte {suffix}; skriv "
        "{stem}.html och skriv ut den som PDF från webbläsaren (eller {stem}.md)",
        "en": "--output {path}: samverkan writes html or markdown, not {suffix}; write "
        "{stem}.html and print it to PDF from the browser (or {stem}.md)",
    },
    "report_output_is_dir": {
        "sv": "--output {path} är en mapp; ange ett filnamn, t.ex. {path}/rapport.html",
        "en": "--output {path} is a folder; give a file name, e.g. {path}/rapport.html",
    },
    "report_output_no_dir": {
        "sv": "mappen {dir} för --output finns inte; skapa den eller välj en annan fil",
        "en": "the folder {dir} for --output does not exist; create it or choose another file",
    },
    "report_missing_package": {
        "sv": "rapporten behöver paketet {package}; installera om samverkan med "
        "`pip install -e .` i projektmappen",
        "en": "the report needs the package {package}; reinstall samverkan with "
        "`pip install -e .` in the project folder",
    },
    "report_title_year": {
        "sv": "Sammanställning av genomförandet – åtagandeplan {year}",
        "en": "Follow-up of the commitment plan {year}",
    },
    "report_title_agreement": {
        "sv": "Uppföljning av samverkansavtalet {first}–{last}",
        "en": "Follow-up of the cooperation agreement {first}–{last}",
    },
    "report_kicker": {
        "sv": "Samverkansavtal kommun och polis · uppföljning",
        "en": "Cooperation agreement municipality and police · follow-up",
    },
    "report_meta": {
        "sv": "Läget per {as_of}. Underlag: {plan}.",
        "en": "Situation as of {as_of}. Source: {plan}.",
    },
    "report_meta_agreement": {
        "sv": "Läget per {as_of}. Underlag: {plans}.",
        "en": "Situation as of {as_of}. Sources: {plans}.",
    },
    "report_audience": {
        "sv": "Till styrgruppen och kommunstyrelsen, från beredningsgruppen.",
        "en": "For the steering group and the municipal executive board, from the "
        "preparatory group.",
    },
    "report_footer": {
        "sv": "Skapad med samverkan {version} den {created}.",
        "en": "Made with samverkan {version} on {created}.",
    },
    "report_summary": {"sv": "Sammanfattning", "en": "Summary"},
    "report_summary_text": {
        "sv": "Åtagandeplanen har {total} medborgarlöften: {quantified} med kvantifierat mål "
        "och {untracked} som följs upp utan mål. Av de {quantified} är {met} uppfyllda, "
        "{on_track} i fas, {behind} efter och {missed} missade.",
        "en": "The plan has {total} pledges: {quantified} with a quantified target and "
        "{untracked} followed up without one. Of the {quantified}, {met} are met, "
        "{on_track} on track, {behind} behind and {missed} missed.",
    },
    "report_summary_caption": {
        "sv": "Medborgarlöften {year} per status, {as_of}",
        "en": "Pledges {year} by status, {as_of}",
    },
    "report_overview_caption": {
        "sv": "Alla medborgarlöften, mål mot utfall",
        "en": "All pledges, target against outcome",
    },
    "report_years_caption": {
        "sv": "Medborgarlöften per status och år, läget per {as_of}",
        "en": "Pledges by status and year, as of {as_of}",
    },
    "report_col_pledges": {"sv": "Antal löften", "en": "Pledges"},
    "report_total": {"sv": "Totalt", "en": "Total"},
    "report_attention": {
        "sv": "Löften som är efter eller missade",
        "en": "Pledges behind or missed",
    },
    "report_attention_year": {
        "sv": "Löften som är efter eller missade {year}",
        "en": "Pledges behind or missed in {year}",
    },
    "report_no_attention": {
        "sv": "Inga löften är efter eller missade.",
        "en": "No pledge is behind or missed.",
    },
    "report_outcome": {"sv": "minst {target} → {done} genomförda",
                       "en": "at least {target} → {done} done"},
    "report_outcome_one": {"sv": "minst {target} → {done} genomförd",
                           "en": "at least {target} → {done} done"},
    "report_recorded": {"sv": "{done} registrerade", "en": "{done} recorded"},
    "report_recorded_one": {"sv": "{done} registrerad", "en": "{done} recorded"},
    "report_requirement": {"sv": "varav {tag}: {outcome}", "en": "of which {tag}: {outcome}"},
    "report_of_tag": {"sv": "{amount} med taggen {tag}", "en": "{amount} tagged {tag}"},
    "report_of_tag_label": {"sv": "varav {tag}", "en": "of which {tag}"},
    "report_short_missed": {
        "sv": "{what} saknades när perioden slutade {due}",
        "en": "{what} short when the period ended on {due}",
    },
    "report_short_left": {
        "sv": "{what} återstår till senast {due}",
        "en": "{what} still needed by {due}",
    },
    "report_short_pace": {
        "sv": "takten kräver {expected} per {as_of}; genomfört: {done}",
        "en": "the pace asks for {expected} by {as_of}; done: {done}",
    },
    "report_agreement_goals_caption": {
        "sv": "Avtalets mål per {as_of}, räknade ur registret",
        "en": "The agreement's goals as of {as_of}, counted from the record",
    },
    "report_target_outcome": {"sv": "Mål → utfall", "en": "Target → outcome"},
    "report_period": {"sv": "Period", "en": "Period"},
    "report_still_needed": {"sv": "Det som återstår", "en": "Still needed"},
    "report_owner_polis": {"sv": "polisen", "en": "the police"},
    "report_owner_kommun": {"sv": "kommunen", "en": "the municipality"},
    "report_owner_gemensamt": {"sv": "gemensamt", "en": "joint"},
    "report_tags": {"sv": "taggar: {tags}", "en": "tags: {tags}"},
    "report_activities_caption": {
        "sv": "Aktiviteter: {title} ({n})",
        "en": "Activities: {title} ({n})",
    },
    "report_no_activities": {
        "sv": "Inga aktiviteter registrerade.",
        "en": "No activities recorded.",
    },
    "report_no_pledges": {"sv": "Inga medborgarlöften.", "en": "No pledges."},
    "report_no_goals": {"sv": "Inga mål.", "en": "No goals."},
    "report_col_date": {"sv": "Datum", "en": "Date"},
    "report_col_place": {"sv": "Plats", "en": "Place"},
    "report_col_count": {"sv": "Antal", "en": "Count"},
    "report_col_by": {"sv": "Utfört av", "en": "By"},
    "report_col_note": {"sv": "Anteckning", "en": "Note"},
    "report_col_indicator": {"sv": "Indikator", "en": "Indicator"},
    "report_col_measured": {"sv": "Mätvärden", "en": "Measured"},
    "report_col_verdict": {"sv": "Bedömning", "en": "Verdict"},
    "report_no_baseline": {"sv": "saknas i underlaget", "en": "not given in the source"},
    "report_no_measurements": {"sv": "inga mätvärden ännu", "en": "no measurements yet"},
    "report_direction_decrease": {
        "sv": "Indikatorn ska minska jämfört med utgångsläget.",
        "en": "The indicator should decrease from the baseline.",
    },
    "report_direction_increase": {
        "sv": "Indikatorn ska öka jämfört med utgångsläget.",
        "en": "The indicator should increase from the baseline.",
    },
    "report_baseline_source": {
        "sv": "Källa för utgångsläget: ”{source}”",
        "en": "Source of the baseline: “{source}”",
    },
    "report_legend_done": {"sv": "genomfört", "en": "done"},
    "report_legend_pace": {"sv": "takt", "en": "pace"},
    "report_legend_target": {"sv": "mål", "en": "target"},
    "report_legend_as_of": {"sv": "läget", "en": "as of"},
    "report_legend_baseline": {"sv": "utgångsläge", "en": "baseline"},
    "report_legend_measured": {"sv": "uppmätt", "en": "measured"},
    "report_chart_pledge_title": {
        "sv": "Diagram: {title}, genomfört över perioden mot takt och mål",
        "en": "Chart: {title}, done over the period against pace and target",
    },
    "report_chart_pledge": {
        "sv": "{title}: antal {unit} genomförda sammanlagt från {start} till {due}, mot en "
        "jämn takt och målet. Per {end}: {outcome}.",
        "en": "{title}: {unit} done in total from {start} to {due}, against an even pace and "
        "the target. On {end}: {outcome}.",
    },
    "report_chart_pace": {
        "sv": "Takten krävde {expected} per {as_of}.",
        "en": "The pace asked for {expected} by {as_of}.",
    },
    "report_chart_goal_title": {
        "sv": "Diagram: {title}, indikatorn per år mot utgångsläget",
        "en": "Chart: {title}, the indicator by year against the baseline",
    },
    "report_chart_goal": {
        "sv": "{indicator}. Utgångsläge: {baseline}. Mätvärden: {values}. Bedömning: "
        "{verdict}.",
        "en": "{indicator}. Baseline: {baseline}. Measured: {values}. Verdict: {verdict}.",
    },
    "report_chart_outcome": {
        "sv": "{title} ({unit}) per år, utfall mot mål: {values}.",
        "en": "{title} ({unit}) by year, outcome against target: {values}.",
    },
    "report_pledges_by_year": {
        "sv": "Medborgarlöften år för år, mål → utfall",
        "en": "Pledges year by year, target → outcome",
    },
    "report_not_started": {"sv": "ej påbörjat", "en": "not begun"},
    "report_not_started_note": {
        "sv": "”–” i en årskolumn: året har inte börjat vid rapportens datum.",
        "en": "“–” in a year column: the year has not begun on the report's date.",
    },
    "report_goals_over_years": {"sv": "Målen över åren", "en": "The goals over the years"},
    "report_multi_year_goals": {
        "sv": "Mål för hela avtalsperioden",
        "en": "Goals for the whole agreement period",
    },
    "report_multi_year_intro": {
        "sv": "Dessa mål gäller hela avtalsperioden 2021–2025 och följs upp i den slutliga "
        "uppföljningen i december 2025.",
        "en": "These goals hold for the whole agreement period 2021–2025 and are followed up "
        "in the final follow-up in December 2025.",
    },
}
MESSAGES.update(REPORT_MESSAGES)


# --- samverkan publish: the citizens' website (samverkan/publish/) -----------------------
PUBLISH_MESSAGES: dict[str, dict[str, str]] = {
    # the command
    "publish_identity_number": {
        "sv": "ett personnummer eller samordningsnummer finns i filerna ovan; ta bort det och "
        "kör igen. Inget publicerades.",
        "en": "a personal identity number is in the files above; remove it and run again. "
        "Nothing was published.",
    },
    "pub_written": {
        "sv": "Skrev webbplatsen till {path} ({pages} sidor, data.json och data.csv).",
        "en": "Wrote the website to {path} ({pages} pages, data.json and data.csv).",
    },
    "pub_output_is_file": {
        "sv": "{path} är en fil; ange en mapp för webbplatsen, t.ex. --output public/",
        "en": "{path} is a file; name a folder for the website, e.g. --output public/",
    },
    "pub_output_no_dir": {
        "sv": "mappen {dir} finns inte; skapa den först eller välj en annan plats",
        "en": "the folder {dir} does not exist; create it first or choose another place",
    },
    "pub_output_not_site": {
        "sv": "mappen {path} innehåller annat än en webbplats från samverkan publish och "
        "skulle ersättas helt; välj en ny eller tom mapp, t.ex. --output public/",
        "en": "the folder {path} holds other things than a website from samverkan publish "
        "and would be replaced whole; choose a new or empty folder, e.g. --output public/",
    },
    "pub_marker": {
        "sv": "Den här mappen skrivs av `samverkan publish` och ersätts helt vid nästa "
        "publicering. Ändra inget här för hand.\n",
        "en": "This folder is written by `samverkan publish` and replaced whole by the next "
        "run. Do not edit anything here by hand.\n",
    },
    # every page
    "pub_site_title": {"sv": "Medborgarlöften", "en": "Citizen pledges"},
    "pub_agreement_fallback": {
        "sv": "Samverkansavtal {first}–{last}",
        "en": "Cooperation agreement {first}–{last}",
    },
    "pub_period": {"sv": "{first}–{last}", "en": "{first}–{last}"},
    "pub_skip": {"sv": "Hoppa till innehållet", "en": "Skip to the content"},
    "pub_nav_label": {"sv": "Webbplatsens sidor", "en": "Pages of the site"},
    "pub_nav_start": {"sv": "Start", "en": "Start"},
    "pub_nav_year": {"sv": "Löftena {year}", "en": "Pledges {year}"},
    "pub_nav_areas": {"sv": "Fokusområden och mål", "en": "Focus areas and goals"},
    "pub_nav_about": {"sv": "Om datat", "en": "About the data"},
    "pub_data_date": {
        "sv": "Uppgifterna gäller den {date}.",
        "en": "The figures are as of {date}.",
    },
    "pub_footer_data": {
        "sv": "Uppgifterna gäller den {date}. Siffrorna finns också som öppna data:",
        "en": "The figures are as of {date}. They are also open data:",
    },
    "pub_footer_made": {
        "sv": "Sidorna skapades den {today} med samverkan {version} ur kommunens och "
        "polisens åtagandeplaner.",
        "en": "The pages were made on {today} with samverkan {version} from the "
        "municipality's and the police's commitment plans.",
    },
    # the start page
    "pub_index_heading": {
        "sv": "Kommunens och polisens löften {year}",
        "en": "The municipality's and the police's pledges {year}",
    },
    "pub_intro": {
        "sv": "Kommunen och polisen har ett samverkansavtal för {period} om att göra kommunen "
        "tryggare. I avtalet finns medborgarlöften: saker som kommunen och polisen har lovat "
        "invånarna att göra varje år. Löftena bygger på det invånarna svarade i en "
        "medborgardialog.",
        "en": "The municipality and the police have a cooperation agreement for {period} to "
        "make the municipality safer. In it are citizen pledges: things the municipality and "
        "the police have promised the residents to do every year. The pledges build on what "
        "residents answered in a citizens' dialogue.",
    },
    "pub_intro_more": {
        "sv": "Här ser du vad som är lovat, hur mycket som är gjort och om arbetet går enligt "
        "plan. Klicka på ett löfte för att se hur det har gått år för år.",
        "en": "Here you see what was promised, how much has been done and whether the work is "
        "going to plan. Choose a pledge to see how it has gone year by year.",
    },
    "pub_how_it_goes": {"sv": "Så går det {year}", "en": "How it is going in {year}"},
    "pub_summary": {
        "sv": "{count} löften {year}, efter läge:",
        "en": "{count} pledges in {year}, by status:",
    },
    "pub_agreement_goals": {
        "sv": "Mål för hela avtalet {period}",
        "en": "Goals for the whole agreement {period}",
    },
    "pub_agreement_target": {
        "sv": "Minst {min} {unit} under {first}–{last}.",
        "en": "At least {min} {unit} in {first}–{last}.",
    },
    "pub_agreement_done": {"sv": "Hittills: {done} {unit}.", "en": "So far: {done} {unit}."},
    "pub_agreement_met": {"sv": "Uppfyllt", "en": "Met"},
    "pub_agreement_on_track": {"sv": "Går enligt plan", "en": "Going to plan"},
    "pub_agreement_behind": {"sv": "Ligger efter", "en": "Behind"},
    "pub_agreement_missed": {"sv": "Inte uppfyllt", "en": "Not met"},
    "pub_agreement_no_data": {"sv": "Uppgifter saknas ännu", "en": "No figures yet"},
    # one pledge
    "pub_label_target": {"sv": "Löfte:", "en": "Promise:"},
    "pub_label_status": {"sv": "Läge:", "en": "Status:"},
    "pub_label_owner": {"sv": "Ansvar:", "en": "Responsible:"},
    "pub_label_owner_plain": {"sv": "Ansvar", "en": "Responsible"},
    "pub_label_area": {"sv": "Fokusområde", "en": "Focus area"},
    "pub_label_counting": {"sv": "Så räknas det", "en": "How it is counted"},
    "pub_owner_polis": {"sv": "Polisen", "en": "The police"},
    "pub_owner_kommun": {"sv": "Kommunen", "en": "The municipality"},
    "pub_owner_gemensamt": {
        "sv": "Kommunen och polisen tillsammans",
        "en": "The municipality and the police together",
    },
    "pub_counting_places": {
        "sv": "Varje plats räknas en gång, hur många gånger något än görs där.",
        "en": "Each place counts once, however often something is done there.",
    },
    "pub_counting_weeks": {
        "sv": "Varje kalendervecka räknas en gång, hur mycket som än görs den veckan.",
        "en": "Each calendar week counts once, however much is done that week.",
    },
    "pub_status_met": {"sv": "Uppfyllt", "en": "Met"},
    "pub_status_on_track": {"sv": "Går enligt plan", "en": "Going to plan"},
    "pub_status_behind": {"sv": "Ligger efter", "en": "Behind"},
    "pub_status_missed": {"sv": "Inte uppfyllt", "en": "Not met"},
    "pub_status_untracked": {"sv": "Redovisas utan antal", "en": "Reported, no number"},
    "pub_status_not_begun": {"sv": "Inte påbörjat", "en": "Not begun"},
    "pub_status_met_about": {
        "sv": "Allt som lovades är gjort.",
        "en": "Everything promised has been done.",
    },
    "pub_status_on_track_about": {
        "sv": "Inte klart än, men så mycket är gjort som en jämn takt fram till slutdatumet "
        "kräver.",
        "en": "Not done yet, but as much is done as an even pace up to the end date asks for.",
    },
    "pub_status_behind_about": {
        "sv": "Mindre är gjort än en jämn takt fram till slutdatumet kräver. Det kan "
        "fortfarande hinnas med.",
        "en": "Less is done than an even pace up to the end date asks for. There is still "
        "time.",
    },
    "pub_status_missed_about": {
        "sv": "Tiden har gått ut och allt som lovades blev inte gjort.",
        "en": "The time is up and not everything promised was done.",
    },
    "pub_status_untracked_about": {
        "sv": "Löftet anger inget antal; det som görs redovisas.",
        "en": "The pledge names no number; what is done is reported.",
    },
    "pub_status_not_begun_about": {
        "sv": "Året har inte börjat.",
        "en": "The year has not begun.",
    },
    "pub_target_none": {
        "sv": "Inget antal är utlovat. Det som görs redovisas här.",
        "en": "No number is promised. What is done is reported here.",
    },
    "pub_target_year": {
        "sv": "Minst {min} {unit} under {year}.",
        "en": "At least {min} {unit} in {year}.",
    },
    "pub_target_due": {
        "sv": "Minst {min} {unit} senast den {due}.",
        "en": "At least {min} {unit} by {due}.",
    },
    "pub_target_period": {
        "sv": "Minst {min} {unit} från den {start} till den {due}.",
        "en": "At least {min} {unit} from {start} to {due}.",
    },
    "pub_done_running": {
        "sv": "Gjort hittills: {done} av {target} {unit}",
        "en": "Done so far: {done} of {target} {unit}",
    },
    "pub_done": {
        "sv": "Gjort: {done} av {target} {unit}",
        "en": "Done: {done} of {target} {unit}",
    },
    "pub_done_untracked_running": {
        "sv": "Antal hittills: {done}",
        "en": "Number so far: {done}",
    },
    "pub_done_untracked": {"sv": "Antal: {done}", "en": "Number: {done}"},
    "pub_done_not_begun": {"sv": "Året har inte börjat", "en": "The year has not begun"},
    "pub_bar": {"sv": "{percent} % av det utlovade", "en": "{percent} % of the promise"},
    "pub_pace": {
        "sv": "Med jämn takt fram till slutdatumet borde {expected} vara gjorda den {as_of}.",
        "en": "At an even pace up to the end date, {expected} should be done by {as_of}.",
    },
    "pub_requirement": {
        "sv": "Varav minst {target} med inriktningen ”{tag}” – gjort: {done}.",
        "en": "Of these at least {target} marked “{tag}” – done: {done}.",
    },
    "pub_pledge_this_year": {"sv": "Läget {year}", "en": "Status {year}"},
    "pub_history": {"sv": "År för år, {period}", "en": "Year by year, {period}"},
    "pub_history_caption": {
        "sv": "{title}: utlovat och gjort per år",
        "en": "{title}: promised and done by year",
    },
    "pub_history_unit": {
        "sv": "Antalen räknas i {unit}. ”–” betyder att det inte finns någon uppgift.",
        "en": "The numbers count {unit}. “–” means there is no figure.",
    },
    "pub_chart_title": {
        "sv": "Diagram: {title}, gjort per år mot det utlovade",
        "en": "Chart: {title}, done by year against the promise",
    },
    "pub_chart_year": {
        "sv": "{year}: {done} av {target}",
        "en": "{year}: {done} of {target}",
    },
    "pub_chart_year_untracked": {
        "sv": "{year}: {done} (inget antal utlovat)",
        "en": "{year}: {done} (no number promised)",
    },
    "pub_chart_year_none": {"sv": "{year}: ingen uppgift", "en": "{year}: no figure"},
    "pub_legend_done": {"sv": "gjort", "en": "done"},
    "pub_legend_target": {"sv": "utlovat", "en": "promised"},
    "pub_places": {"sv": "Platser", "en": "Places"},
    "pub_places_none": {"sv": "Ingen plats än.", "en": "No place yet."},
    # years, goals
    "pub_year_heading": {"sv": "Löftena {year}", "en": "The pledges of {year}"},
    "pub_year_not_begun": {
        "sv": "Året {year} har inte börjat; planen gäller från den {date}.",
        "en": "The year {year} has not begun; the plan holds from {date}.",
    },
    "pub_year_caption": {
        "sv": "Löftena {year} inom {area}",
        "en": "The pledges of {year} in {area}",
    },
    "pub_year_goals": {"sv": "Målen {year}", "en": "The goals in {year}"},
    "pub_areas_intro": {
        "sv": "Avtalet har fokusområden. Varje område har mål som följs upp med mätningar, "
        "till exempel skolenkäter, jämfört med ett utgångsläge. Här visas målen i planen "
        "för {year} och löftena inom varje område.",
        "en": "The agreement has focus areas. Each has goals that are followed up with "
        "measurements, such as school surveys, against a baseline. Here are the goals of the "
        "plan for {year} and the pledges within each area.",
    },
    "pub_area_pledges": {"sv": "Löften inom området", "en": "Pledges in this area"},
    "pub_label_indicator": {"sv": "Det som mäts", "en": "What is measured"},
    "pub_label_direction": {"sv": "Riktning", "en": "Direction"},
    "pub_direction_decrease": {"sv": "Ska minska", "en": "Should decrease"},
    "pub_direction_increase": {"sv": "Ska öka", "en": "Should increase"},
    "pub_no_baseline": {
        "sv": "Saknas i underlaget",
        "en": "Not given in the source",
    },
    "pub_no_measurements": {"sv": "Inga mätningar än", "en": "No measurements yet"},
    "pub_measured": {"sv": "{value} ({year})", "en": "{value} ({year})"},
    "pub_goal_improved": {"sv": "Bättre än utgångsläget", "en": "Better than the baseline"},
    "pub_goal_worsened": {"sv": "Sämre än utgångsläget", "en": "Worse than the baseline"},
    "pub_goal_unchanged": {"sv": "Som utgångsläget", "en": "As the baseline"},
    "pub_goal_no_data": {"sv": "Kan inte bedömas än", "en": "Cannot be judged yet"},
    "pub_baseline_source": {"sv": "Utgångsläget enligt underlaget:", "en": "The baseline in the source:"},
    "pub_measurements_caption": {
        "sv": "Mätningar: {title}",
        "en": "Measurements: {title}",
    },
    "pub_col_year": {"sv": "År", "en": "Year"},
    "pub_col_target": {"sv": "Utlovat", "en": "Promised"},
    "pub_col_pledge_target": {"sv": "Medborgarlöfte och mål", "en": "Pledge and target"},
    "pub_col_done": {"sv": "Gjort", "en": "Done"},
    "pub_col_status": {"sv": "Läge", "en": "Status"},
    "pub_col_baseline": {"sv": "Utgångsläge", "en": "Baseline"},
    "pub_col_latest": {"sv": "Senaste mätning", "en": "Latest measurement"},
    "pub_col_verdict": {"sv": "Bedömning", "en": "Verdict"},
    "pub_col_value": {"sv": "Värde", "en": "Value"},
    "pub_col_source": {"sv": "Källa", "en": "Source"},
    "pub_col_column": {"sv": "Kolumn", "en": "Column"},
    "pub_col_field": {"sv": "Fält", "en": "Field"},
    "pub_col_meaning": {"sv": "Betydelse", "en": "Meaning"},
    "pub_none": {"sv": "–", "en": "–"},
    # the page about the data
    "pub_about_intro": {
        "sv": "Siffrorna på webbplatsen kommer ur de åtagandeplaner som kommunen och polisen "
        "följer upp tillsammans. Samma siffror finns som öppna data, så att de kan användas "
        "utan att kopieras från sidorna.",
        "en": "The figures on this site come from the commitment plans that the municipality "
        "and the police follow up together. The same figures are open data, so that they can "
        "be used without copying them from the pages.",
    },
    "pub_about_what": {"sv": "Vad sidorna visar", "en": "What the pages show"},
    "pub_about_what_text": {
        "sv": "För varje löfte och år visas hur mycket som lovades, hur mycket som har gjorts "
        "fram till den {date} och läget i ord:",
        "en": "For each pledge and year the pages show how much was promised, how much has "
        "been done up to {date}, and the status in words:",
    },
    "pub_about_private": {"sv": "Vad som inte publiceras", "en": "What is not published"},
    "pub_about_private_text": {
        "sv": "Anteckningar om enskilda insatser, vem som utförde dem och var de gjordes "
        "publiceras inte: en plats för en tillsyn eller ett ingripande är inte till för "
        "allmänheten. Bara antal och datum räknas in i siffrorna. Platser visas bara för "
        "löften där planen uttryckligen tillåter det, till exempel nya "
        "grannsamverkansområden.",
        "en": "Notes on single activities, who carried them out and where they took place "
        "are not published: the place of an inspection or an intervention is not for the "
        "public. Only numbers and dates go into the figures. Places are shown only for "
        "pledges whose plan allows it, such as new neighbourhood-watch areas.",
    },
    "pub_about_files": {"sv": "Öppna data", "en": "Open data"},
    "pub_about_files_text": {
        "sv": "Två filer ligger i samma mapp som sidorna och uppdateras samtidigt som dem.",
        "en": "Two files are in the same folder as the pages and are updated with them.",
    },
    "pub_about_json": {
        "sv": "alla siffror i JSON, med statuskoder som inte ändras (met, on_track, behind, "
        "missed, untracked, not_begun; för mål improved, worsened, unchanged, no_data).",
        "en": "every figure in JSON, with status codes that do not change (met, on_track, "
        "behind, missed, untracked, not_begun; for goals improved, worsened, unchanged, "
        "no_data).",
    },
    "pub_about_csv": {
        "sv": "samma siffror som tabell för kalkylprogram: UTF-8 med BOM, semikolon mellan "
        "fälten, decimalkomma. En rad per löfte och år, per mätning av ett mål och per mål "
        "för hela avtalet.",
        "en": "the same figures as a table for spreadsheets: UTF-8 with BOM, semicolons "
        "between fields, decimal point. One row per pledge and year, per measurement of a "
        "goal and per goal of the whole agreement.",
    },
    "pub_about_csv_columns": {"sv": "Kolumnerna i data.csv", "en": "The columns of data.csv"},
    "pub_about_csv_caption": {"sv": "Kolumnerna i data.csv", "en": "The columns of data.csv"},
    "pub_about_json_fields": {"sv": "Fälten i data.json", "en": "The fields of data.json"},
    "pub_about_json_caption": {"sv": "Fälten i data.json", "en": "The fields of data.json"},
    # data.csv
    "pub_csv_kind_pledge": {"sv": "löfte", "en": "pledge"},
    "pub_csv_kind_goal": {"sv": "mål", "en": "goal"},
    "pub_csv_kind_agreement_goal": {"sv": "avtalsmål", "en": "agreement_goal"},
    "pub_csv_kind": {"sv": "typ", "en": "kind"},
    "pub_csv_kind_about": {
        "sv": "löfte, mål (en mätning av ett mål) eller avtalsmål (mål för hela avtalet)",
        "en": "pledge, goal (a measurement of a goal) or agreement_goal (a goal of the whole "
        "agreement)",
    },
    "pub_csv_year": {"sv": "år", "en": "year"},
    "pub_csv_year_about": {
        "sv": "planåret (löfte) eller mätåret (mål); tomt för avtalsmål",
        "en": "the plan year (pledge) or the year measured (goal); empty for agreement goals",
    },
    "pub_csv_id": {"sv": "id", "en": "id"},
    "pub_csv_id_about": {
        "sv": "löftets eller målets id, detsamma alla år",
        "en": "the pledge's or goal's id, the same every year",
    },
    "pub_csv_title": {"sv": "titel", "en": "title"},
    "pub_csv_title_about": {"sv": "löftet eller målet i ord", "en": "the pledge or goal in words"},
    "pub_csv_focus_area": {"sv": "fokusområde", "en": "focus_area"},
    "pub_csv_focus_area_about": {"sv": "fokusområdets id", "en": "the focus area's id"},
    "pub_csv_owner": {"sv": "ansvar", "en": "owner"},
    "pub_csv_owner_about": {
        "sv": "vem som ansvarar för löftet: polis, kommun eller gemensamt",
        "en": "who is responsible for the pledge: polis, kommun or gemensamt (joint)",
    },
    "pub_csv_unit": {"sv": "enhet", "en": "unit"},
    "pub_csv_unit_about": {
        "sv": "vad som räknas (löfte, avtalsmål) eller vad som mäts (mål)",
        "en": "what is counted (pledge, agreement goal) or what is measured (goal)",
    },
    "pub_csv_target": {"sv": "utlovat", "en": "target"},
    "pub_csv_target_about": {
        "sv": "utlovat minsta antal; tomt när löftet inte anger något",
        "en": "the promised minimum; empty when the pledge names none",
    },
    "pub_csv_done": {"sv": "gjort", "en": "done"},
    "pub_csv_done_about": {
        "sv": "gjort fram till uppgifternas datum; tomt för ett år som inte har börjat",
        "en": "done up to the date of the figures; empty for a year not yet begun",
    },
    "pub_csv_expected": {"sv": "förväntat", "en": "expected"},
    "pub_csv_expected_about": {
        "sv": "så många som en jämn takt kräver vid uppgifternas datum",
        "en": "as many as an even pace asks for on the date of the figures",
    },
    "pub_csv_status": {"sv": "läge", "en": "status"},
    "pub_csv_status_about": {
        "sv": "läget i ord (för mål på raden med den senaste mätningen)",
        "en": "the status in words (for goals on the row of the latest measurement)",
    },
    "pub_csv_value": {"sv": "värde", "en": "value"},
    "pub_csv_value_about": {"sv": "målets uppmätta värde det året", "en": "the goal's measured value that year"},
    "pub_csv_baseline_year": {"sv": "utgångsår", "en": "baseline_year"},
    "pub_csv_baseline_year_about": {"sv": "året för målets utgångsläge", "en": "the year of the goal's baseline"},
    "pub_csv_baseline_value": {"sv": "utgångsvärde", "en": "baseline_value"},
    "pub_csv_baseline_value_about": {"sv": "utgångsvärdet", "en": "the baseline value"},
    "pub_csv_baseline_low": {"sv": "utgångsvärde_lägst", "en": "baseline_low"},
    "pub_csv_baseline_low_about": {
        "sv": "när underlaget anger ett intervall: det lägsta värdet",
        "en": "when the source gives a range: its lowest value",
    },
    "pub_csv_baseline_high": {"sv": "utgångsvärde_högst", "en": "baseline_high"},
    "pub_csv_baseline_high_about": {
        "sv": "när underlaget anger ett intervall: det högsta värdet",
        "en": "when the source gives a range: its highest value",
    },
    # data.json
    "pub_field_top_title": {"sv": "webbplatsens namn", "en": "the site's name"},
    "pub_field_top_generator": {"sv": "programmet som skrev filen, med version", "en": "the program that wrote the file, with its version"},
    "pub_field_top_as_of": {"sv": "dagen uppgifterna gäller (ÅÅÅÅ-MM-DD)", "en": "the day the figures are as of (YYYY-MM-DD)"},
    "pub_field_top_generated": {"sv": "dagen filen skapades", "en": "the day the file was made"},
    "pub_field_top_language": {"sv": "språket i texterna (sv eller en)", "en": "the language of the texts (sv or en)"},
    "pub_field_top_agreement": {
        "sv": "avtalets titel, första och sista år",
        "en": "the agreement's title, first and last year",
    },
    "pub_field_pledges_year": {"sv": "planåret", "en": "the plan year"},
    "pub_field_pledges_id": {"sv": "löftets id, detsamma alla år", "en": "the pledge's id, the same every year"},
    "pub_field_pledges_title": {"sv": "löftet i ord", "en": "the pledge in words"},
    "pub_field_pledges_description": {
        "sv": "löftet beskrivet för invånarna, eller null",
        "en": "the pledge described for residents, or null",
    },
    "pub_field_pledges_focus_area": {"sv": "fokusområdets id", "en": "the focus area's id"},
    "pub_field_pledges_owner": {"sv": "polis, kommun eller gemensamt", "en": "polis, kommun or gemensamt (joint)"},
    "pub_field_pledges_unit": {"sv": "vad som räknas, eller null", "en": "what is counted, or null"},
    "pub_field_pledges_counting": {
        "sv": "sum (summan), places (olika platser), weeks (olika veckor), dates (olika "
        "dagar), eller null",
        "en": "sum, places (distinct places), weeks (distinct weeks), dates (distinct days), "
        "or null",
    },
    "pub_field_pledges_start": {"sv": "periodens första dag", "en": "the period's first day"},
    "pub_field_pledges_due": {"sv": "periodens sista dag", "en": "the period's last day"},
    "pub_field_pledges_target": {"sv": "utlovat minsta antal, eller null", "en": "the promised minimum, or null"},
    "pub_field_pledges_done": {
        "sv": "gjort fram till as_of, eller null för ett år som inte har börjat",
        "en": "done up to as_of, or null for a year not yet begun",
    },
    "pub_field_pledges_expected": {
        "sv": "så många som en jämn takt kräver vid as_of, eller null",
        "en": "as many as an even pace asks for on as_of, or null",
    },
    "pub_field_pledges_status": {
        "sv": "met, on_track, behind, missed, untracked eller not_begun",
        "en": "met, on_track, behind, missed, untracked or not_begun",
    },
    "pub_field_pledges_status_text": {"sv": "läget i ord", "en": "the status in words"},
    "pub_field_pledges_percent": {
        "sv": "hur stor del av det utlovade som är gjord, 0–100, eller null",
        "en": "how much of the promise is done, 0–100, or null",
    },
    "pub_field_pledges_requirements": {
        "sv": "krav på en del av aktiviteterna: tag, target, done, met",
        "en": "requirements on part of the activities: tag, target, done, met",
    },
    "pub_field_pledges_places": {
        "sv": "platserna, bara för löften där planen tillåter att de visas",
        "en": "the places, only for pledges whose plan allows them to be shown",
    },
    "pub_field_goals_id": {"sv": "målets id", "en": "the goal's id"},
    "pub_field_goals_title": {"sv": "målet i ord", "en": "the goal in words"},
    "pub_field_goals_focus_area": {"sv": "fokusområdets id", "en": "the focus area's id"},
    "pub_field_goals_indicator": {"sv": "det som mäts", "en": "what is measured"},
    "pub_field_goals_direction": {"sv": "decrease (ska minska) eller increase (ska öka)", "en": "decrease or increase"},
    "pub_field_goals_baseline": {
        "sv": "utgångsläget: year, value eller low och high, source; eller null",
        "en": "the baseline: year, value or low and high, source; or null",
    },
    "pub_field_goals_measurements": {"sv": "mätningarna: year, value, source", "en": "the measurements: year, value, source"},
    "pub_field_goals_status": {
        "sv": "improved, worsened, unchanged eller no_data (senaste mätningen mot utgångsläget)",
        "en": "improved, worsened, unchanged or no_data (latest measurement against the baseline)",
    },
    "pub_field_goals_status_text": {"sv": "bedömningen i ord", "en": "the verdict in words"},
    "pub_field_agreement_goals_id": {"sv": "avtalsmålets id", "en": "the agreement goal's id"},
    "pub_field_agreement_goals_title": {"sv": "målet i ord", "en": "the goal in words"},
    "pub_field_agreement_goals_unit": {"sv": "vad som räknas", "en": "what is counted"},
    "pub_field_agreement_goals_target": {"sv": "utlovat minsta antal under avtalet", "en": "the promised minimum over the agreement"},
    "pub_field_agreement_goals_done": {"sv": "gjort hittills, eller null när uppgift saknas", "en": "done so far, or null when there is no figure"},
    "pub_field_agreement_goals_expected": {"sv": "så många som en jämn takt kräver vid as_of", "en": "as many as an even pace asks for on as_of"},
    "pub_field_agreement_goals_status": {
        "sv": "met, on_track, behind, missed eller no_data",
        "en": "met, on_track, behind, missed or no_data",
    },
    "pub_field_agreement_goals_status_text": {"sv": "läget i ord", "en": "the status in words"},
}
MESSAGES.update(PUBLISH_MESSAGES)

# The charts (core/charts.py, drawn with pygal): the website's pledge history shows what was
# done and what was promised as two bars side by side.
CHART_MESSAGES: dict[str, dict[str, str]] = {
    "pub_chart_desc_pairs": {
        "sv": "Staplarna visar för varje år hur många {unit} som gjordes (vänster) och hur "
        "många som lovades (höger). {values}.",
        "en": "For each year, the bars show how many {unit} were done (left) and how many "
        "were promised (right). {values}.",
    },
}
MESSAGES.update(CHART_MESSAGES)
