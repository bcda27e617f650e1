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
    "est_written": {"sv": "Skrev {path}.", "en": "Wrote {path}."},
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
    "est_html_open": {"sv": "pågår", "en": "not over"},
    "est_html_analyses": {"sv": "Analyser", "en": "Analyses"},
    "est_html_measures": {"sv": "Insatser", "en": "Measures"},
    "est_html_footer": {
        "sv": "Framtagen med samverkan {version} per {as_of}. Observationerna beskriver platser "
        "och händelser, aldrig personer.",
        "en": "Made with samverkan {version} as of {as_of}. The observations describe places "
        "and events, never people.",
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


def tr(lang: str, message_key: str, **values: object) -> str:
    """The message `message_key` in `lang` (sv or en), with `values` filled in."""
    texts = MESSAGES[message_key]
    text = texts.get(lang) or texts["sv"]
    return text.format(**values) if values else text
