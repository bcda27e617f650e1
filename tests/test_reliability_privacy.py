"""Privacy on the command line: no personal identity number gets into a plan.

tests/test_pnr.py checks the detector itself (45 cases). These tests check the commands:
every command that writes text refuses a number (exit 2, the file byte for byte as it
was, the number never echoed in full), real notes that merely look alike are saved as
written, and `validate` reports a number already in a file at its line and column.
"""

from __future__ import annotations

import re
from pathlib import Path

from samverkan.core.i18n import MESSAGES
from samverkan.plan.reader import load_plan

# Personnummer and samordningsnummer (control digits computed with the Luhn algorithm);
# none belongs to a real person as far as anyone can know, they are test values.
REFUSED = [
    ("Samtal med 811218-9876 om trygghet", "811218-****"),  # YYMMDD-NNNN
    ("811218+9876 (över 100 år)", "811218+****"),  # YYMMDD+NNNN
    ("Uppgift 8112189876 lämnad", "811218****"),  # YYMMDDNNNN
    ("19811218-9876", "19811218-****"),  # YYYYMMDD-NNNN
    ("Kontakt 198112189876", "19811218****"),  # YYYYMMDDNNNN
    ("Samordningsnummer 811278-9873", "811278-****"),  # day + 60
    ("19811278-9873 hördes", "19811278-****"),  # 12-digit samordningsnummer
    ("pnr:8112189876", "811218****"),  # glued to a label
    ("Född 000229-1235", "000229-****"),  # leap day 2000
    ("(811278-9873)", "811278-****"),  # in parentheses
    ("Två: 811218-9876 och 811231-9879", "811218-****"),  # the first is named
    # --- written to look the same on the screen with other characters (issue 15) ---
    ("Samtal med 811218\u200b-9876", "811218-****"),  # zero-width space
    ("Samtal med 811218\u00ad9876", "811218****"),  # soft hyphen
    ("811218\u22129876", "811218-****"),  # minus sign
    ("811218\uff0d9876", "811218-****"),  # fullwidth hyphen-minus
    ("811218\u20109876", "811218-****"),  # hyphen
    ("811218\u20129876", "811218-****"),  # figure dash
    ("811218\u20149876", "811218-****"),  # em dash
    ("811218\u20159876", "811218-****"),  # horizontal bar
    ("811218\ufe589876", "811218-****"),  # small em dash
    ("811218\ufe639876", "811218-****"),  # small hyphen-minus
    ("Ring 811218 9876", "811218 ****"),  # a space between date and serial
    ("811218\u00a09876", "811218 ****"),  # no-break space
    ("811218\u202f9876", "811218 ****"),  # narrow no-break space
    ("811218 - 9876", "811218 - ****"),  # spaces around the hyphen
    ("19811218 9876", "19811218 ****"),  # 12 digits with a space
    ("19811218+9876", "19811218+****"),  # "+" with 12 digits
    ("811218\uff0b9876", "811218+****"),  # fullwidth plus
    ("\uff18\uff11\uff11\uff12\uff11\uff18-\uff19\uff18\uff17\uff16",
     "811218-****"),  # fullwidth digits
    ("\u0668\u0661\u0661\u0662\u0661\u0668-\u0669\u0668\u0667\u0666",
     "811218-****"),  # Arabic-Indic digits
    ("8\u200b1\u200b1\u200b2\u200b1\u200b8-9876", "811218-****"),  # invisible between digits
    ("811218-98\u200b76", "811218-****"),  # invisible inside the serial
    ("\u2060811278\u2060-\u20609873", "811278-****"),  # word joiners, samordningsnummer
    ("\ufeff19811218\u2013\u200b9876", "19811218-****"),  # byte-order mark, en dash
    ("81121\u03038-9876", "811218-****"),  # a combining mark on a digit
]
# Valid numbers written the way a phone number or a time is: refused, with the reason
# and how to write a phone number or a time so that it is saved.
HINTS = {
    "phone": "Är det ett telefonnummer? Tio siffror i följd som börjar med 0 kan inte "
    "skiljas från ett personnummer; skriv telefonnummer med mellanslag som 0910-73 50 00.",
    "timestamp": "Är det en tidpunkt? Ett datum följt av fyra siffror kan inte skiljas från "
    "ett personnummer; skriv tidpunkter som 2021-03-18 01:35.",
}
HINTED = [
    ("Växel 0910735000", "091073****", "phone"),  # landline: a samordningsnummer by its digits
    ("Ring 0701010241", "070101****", "phone"),  # mobile number
    ("Mobil 0701234569", "070123****", "phone"),
    ("\uff10\uff19\uff11\uff10\uff17\uff13\uff15\uff10\uff10\uff10", "091073****",
     "phone"),  # the landline in fullwidth digits
    ("Loggat 202103180135", "20210318****", "timestamp"),  # YYYYMMDDhhmm
    ("Larm 20210318 0135", "20210318 ****", "timestamp"),  # date, space, hhmm
    ("Kamera 201003180930", "20100318****", "timestamp"),
    ("Fil 2103180135", "210318****", "timestamp"),  # YYMMDDhhmm
]
ACCEPTED = [
    "Kontroll 811218-9875",  # wrong control digit
    "19811218-9870",  # wrong control digit, 12 digits
    "811318-9875",  # month 13
    "810431-9879",  # 31 April
    "Möte 2021-03-18 kl 18.30-21.00",  # date and time span
    "Period 2021-03-18--2021-03-20",  # date range
    "Ring 070-123 45 67",  # mobile phone number
    "Växel 0910-73 50 00",  # switchboard number with area code
    "Mobil 0701234567",  # phone number without spaces (not a valid date + control digit)
    "+46 70 123 45 67",  # international phone number
    "Ordernr 2021031812345",  # 13-digit order number
    "Beställning 20210318-0001",  # order number shaped like a 12-digit number
    "Faktura 1234567890",  # 10 digits that are no date
    "Org.nr 212000-1234",  # organisation number (month 20)
    "Dnr KS-2021/00123",  # case number
    "Anmälan 5000-K12345-21",  # police report number
    "Postnummer 931 85",  # postcode
    "12 deltagare, 3 poliser, 45 minuter",  # counts
    # --- look-alikes written as the hints say, and digits that are no date (issue 15) ---
    "Växel 0910 73 50 00",  # the switchboard with spaces only
    "Ring 070-101 02 41",  # the mobile number above, written with spaces
    "Larm 2021-03-18 01:35",  # the time above, written as the hint says
    "Larm 2021-03-18T01:35",  # ISO date and time
    "Loggat 202118350319",  # 18:35 where the month goes (control digit right)
    "Loggat 202123590313",  # 23:59 where month and day go (control digit right)
    "Period 2021-03-18\u20132021-03-20",  # date range with an en dash
    "Kontroll 811218\u200b-9875",  # disguised, but the control digit is wrong
    "Ordernr 20210318\u20130001",  # order number with an en dash, wrong control digit
]
PLEDGE = "ungdomsfester"
BASE = ["log", PLEDGE, "--date", "2021-05-01"]

# Every text a command that writes a file takes from the user: (command, field, command
# line with {} where the text goes). A new writing command adds its rows here.
PLAN, EST = ["--plan", "{plan}"], ["--est-dir", "{est}"]
TEXT_FIELDS: list[tuple[str, str, list[str]]] = [
    ("log", "--note", [*BASE, "--note", "{}", *PLAN]),
    ("log", "--place", [*BASE, "--place", "{}", *PLAN]),
    ("log", "--tag", [*BASE, "--tag", "{}", *PLAN]),
    ("log", "PLEDGE", ["log", "{}", "--date", "2021-05-01", *PLAN]),
    ("measure", "--source", ["measure", "alkohol-ak9", "--year", "2021", "--value", "18",
                             "--source", "{}", *PLAN]),
    ("measure", "GOAL", ["measure", "{}", "--year", "2021", "--value", "18", *PLAN]),
    ("est rapport", "--note", ["est", "rapport", "centrum", "klotter", "--week", "2021-W10",
                               "--note", "{}", *EST]),
    ("est rapport", "--place", ["est", "rapport", "centrum", "klotter", "--place", "{}", *EST]),
    ("est rapport", "--reporter", ["est", "rapport", "centrum", "klotter", "--reporter", "{}",
                                   *EST]),
    ("est rapport", "OMRÅDE", ["est", "rapport", "{}", "klotter", *EST]),
    ("est analys", "--text", ["est", "analys", "centrum", "--period", "2021-03", "--text", "{}",
                              *EST]),
    ("est insats", "--title", ["est", "insats", "centrum", "--title", "{}", *EST]),
    ("est insats", "--partner", ["est", "insats", "centrum", "--title", "Belysning",
                                 "--partner", "{}", *EST]),
    ("est insats", "--note", ["est", "insats", "centrum", "--title", "Belysning", "--note", "{}",
                              *EST]),
    ("est uppfoljning", "--text", ["est", "uppfoljning", "belysning", "--assessment", "god",
                                   "--text", "{}", *EST]),
]
IDS = {"--tag", "PLEDGE", "GOAL", "OMRÅDE"}  # ids: the number alone, as someone might type it


def full_numbers(text: str) -> list[str]:
    return re.findall(r"\d{6,8}[-+]?\d{4}", text)


def shown(text: str) -> str:
    """The text as the table in docs/reliability.md shows it: anything but printable ASCII
    and Swedish letters written as an escape, so that invisible characters can be seen."""
    return "".join(ch if " " <= ch <= "~" or ch in "åäöÅÄÖ" else
                   f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}"
                   for ch in text)


def test_the_table_of_notes_refused_and_accepted(plans: Path, cli, figure) -> None:
    """Each valid number, however it is written, is refused with its masked form (and, if
    it is written like a phone number or a time, how to write that instead), the file left
    byte for byte as it was; each look-alike is saved exactly as written."""
    plan = plans / "2021.yaml"
    wrong = []
    cases = [("Text (`log --note`)", "Utfall", "Numret i meddelandet", "Tips i meddelandet")]
    for note, masked, hint in [(n, m, None) for n, m in REFUSED] + HINTED:
        before = plan.read_bytes()
        result = cli(*BASE, "--plan", plan, "--note", note)
        advice = f" {HINTS[hint]}" if hint else ""
        expected = (f"fel: --note innehåller ett personnummer eller samordningsnummer "
                    f"({masked}); beskriv aktiviteten, inte personer.{advice} "
                    "Inget sparades.\n")
        if (result.exit_code, result.stderr) != (2, expected) or plan.read_bytes() != before:
            wrong.append(f"not refused as expected: {note!r}: {result.stderr!r}")
        if full_numbers(result.stdout + result.stderr):
            wrong.append(f"number echoed in full: {note!r}")
        cases.append((f"`{shown(note)}`", "vägrad, exit 2, filen orörd", f"`{masked}`",
                       HINTS[hint] if hint else "–"))
    for note in ACCEPTED:
        result = cli(*BASE, "--plan", plan, "--note", note)
        if result.exit_code != 0 or load_plan(plan).plan.activities[-1].note != note:
            wrong.append(f"refused or changed: {note!r}: {result.stderr!r}")
        cases.append((f"`{shown(note)}`", "sparad ordagrant", "–", "–"))
    assert not wrong, "\n".join(wrong)
    assert cli("validate", plan).exit_code == 0
    refused = len(REFUSED) + len(HINTED)
    assert refused + len(ACCEPTED) >= 40
    figure("6. Integritet / privacy",
           f"`log --note`: {len(REFUSED)} texter med giltiga nummer (varav "
           f"{len(REFUSED) - 11} skrivna med andra tecken som ser likadana ut: osynliga tecken, "
           f"andra streck, mellanslag, helbreddssiffror), {len(HINTED)} giltiga nummer skrivna "
           f"som telefonnummer eller tidpunkter, {len(ACCEPTED)} som bara liknar (fel "
           "kontrollsiffra, omöjligt datum, datum och tider, telefon-, order-, diarie-, "
           "anmälnings- och organisationsnummer)",
           f"{refused}/{refused} vägrade (exit 2, filen orörd, numret maskerat), "
           f"{len(HINTED)} av dem med tips om hur telefonnummer och tidpunkter skrivs; "
           f"{len(ACCEPTED)}/{len(ACCEPTED)} sparade ordagrant",
           cases=cases)


NUMBERS = ["811218-9876", "198112189876", "811278-9873",
           "811218\u200b\u22129876",  # zero-width space and a minus sign
           "0910735000"]  # written like a phone number: the message says how to write one


def test_every_writing_command_refuses_a_number_in_every_text_field(plans: Path, est: Path,
                                                                    cli, figure) -> None:
    def files() -> dict[Path, bytes]:
        return {p: p.read_bytes() for folder in (plans, est) for p in sorted(folder.iterdir())}

    before = files()
    wrong, tries = [], 0
    for command, field, template in TEXT_FIELDS:
        for number in NUMBERS:
            text = number if field in IDS else f"Text {number} text"
            args = [a.replace("{}", text).replace("{plan}", str(plans / "2021.yaml"))
                    .replace("{est}", str(est)) for a in template]
            result = cli(*args)
            tries += 1
            if not (result.exit_code == 2
                    and result.stderr.startswith(f"fel: {field} innehåller ett personnummer")
                    and "beskriv aktiviteten, inte personer." in result.stderr
                    and "Inget sparades." in result.stderr and number not in result.stderr
                    and not full_numbers(result.stderr)
                    and ("0910-73 50 00" in result.stderr) == number.startswith("0")
                    and files() == before):
                wrong.append(f"{command} {field} {number}: exit {result.exit_code}, "
                             f"{result.stderr!r}")
    assert not wrong, "\n".join(wrong)
    commands = dict.fromkeys(c for c, _, _ in TEXT_FIELDS)
    figure("6. Integritet / privacy",
           f"varje skrivande kommando ({', '.join(commands)}) × dess textfält, "
           f"{len(TEXT_FIELDS)} i allt ({', '.join(dict.fromkeys(f for _, f, _ in TEXT_FIELDS))})"
           f" × {len(NUMBERS)} nummerformer: {tries} försök",
           f"{tries}/{tries} vägrade med exit 2, filen byte för byte orörd, "
           "numret aldrig utskrivet")


def test_validate_reports_a_number_in_a_comment_and_in_a_note(plans: Path, cli, figure) -> None:
    plan = plans / "2021.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace("year: 2021\n", "year: 2021\n# ring 19811218-9876 vid frågor\n")
    text = text.replace("activities: []\n", "activities:\n  - {pledge: ungdomsfester, "
                        "date: 2021-05-01, note: Hördes 811278-9873 i dag}\n  - {pledge: "
                        "ungdomsfester, date: 2021-05-02, note: \"Åter\u200b 811218\u200b"
                        "\u2212\u200b9876\"}\n")
    plan.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    comment = lines.index("# ring 19811218-9876 vid frågor") + 1
    note = len(lines) - 1
    result = cli("validate", plan)
    assert result.exit_code == 1
    message = ("error: personnummer eller samordningsnummer ({}) i texten; ta bort det, "
               "anteckningar beskriver aktiviteter, inte personer")
    problems = [line for line in result.stdout.splitlines() if "personnummer" in line]
    disguised = lines[-1].index("811218") + 1  # the column counts the invisible characters
    assert "\u200b" in lines[-1][:disguised]
    assert problems == [f"{plan}:{comment}:8: " + message.format("19811218-****"),
                        f"{plan}:{note}:60: " + message.format("811278-****"),
                        f"{plan}:{note + 1}:{disguised}: " + message.format("811218-****")]
    assert not full_numbers(result.stdout + result.stderr)
    figure("6. Integritet / privacy", "`validate` på en plan med nummer i en kommentar, "
           "i en anteckning och i en anteckning med osynliga tecken och minustecken",
           "alla tre rapporterade med rad och kolumn (i originaltexten), exit 1, "
           "numret maskerat")


def test_english_refusals_say_how_to_write_a_phone_number_and_a_time(plans: Path, cli) -> None:
    plan = plans / "2021.yaml"
    before = plan.read_bytes()
    phone = cli(*BASE, "--plan", plan, "--note", "Ring 0701010241", "--lang", "en")
    time = cli(*BASE, "--plan", plan, "--place", "Kamera 202103180135", "--lang", "en")
    assert (phone.exit_code, phone.stderr) == (2, (
        "error: --note holds a personal identity number (070101****); describe the activity, "
        "not people. Is it a phone number? Ten digits in a row starting with 0 cannot be told "
        "from an identity number; write phone numbers with spaces, like 0910-73 50 00. "
        "Nothing was saved.\n"))
    assert (time.exit_code, time.stderr) == (2, (
        "error: --place holds a personal identity number (20210318****); describe the "
        "activity, not people. Is it a date and time? A date followed by four digits cannot "
        "be told from an identity number; write times like 2021-03-18 01:35. "
        "Nothing was saved.\n"))
    assert plan.read_bytes() == before


def test_a_group_text_with_a_phone_shaped_number_says_how_to_write_it(workspace, cli) -> None:
    line = "Frågor: ring\u00a0växeln\u200b 0910735000."
    (workspace / "data" / "analys.md").write_text(f"Analys\n\n{line}\n", encoding="utf-8")
    column = line.index("0910") + 1
    result = cli("validate", "data")
    assert result.exit_code == 1
    assert (f"data/analys.md:3:{column}: error: personnummer eller samordningsnummer (091073****) i "
            "texten; ta bort det, anteckningar beskriver aktiviteter, inte personer. "
            "Är det ett telefonnummer? Tio siffror i följd som börjar med 0 kan inte skiljas "
            "från ett personnummer; skriv telefonnummer med mellanslag som 0910-73 50 00.\n"
            ) in result.stdout
    english = cli("validate", "data", "--lang", "en")
    assert (f"data/analys.md:3:{column}: error: personal identity number (091073****) in the text; "
            "remove it, notes describe activities, not people. Is it a phone number?"
            ) in english.stdout


def test_a_number_in_the_name_of_an_imported_file_is_refused_with_what_to_do(workspace,
                                                                            cli) -> None:
    """The export's file name is saved with each value (`file:`), so it is checked too."""
    (workspace / "brott 811218\u20139876.csv").write_text('"År";"Antal"\n"2021";"5"\n',
                                                          encoding="utf-8")
    before = {p: p.read_bytes() for p in (workspace / "data").iterdir()}
    for lang, expected in [
        ("sv", ("fel: FIL innehåller ett personnummer eller samordningsnummer (811218-****) i "
                "filnamnet, som sparas i serien; byt namn på filen. Inget sparades.\n")),
        ("en", ("error: FIL holds a personal identity number (811218-****) in the file name, "
                "which is saved in the series; rename the file. Nothing was saved.\n")),
    ]:
        result = cli("data", "import", "brott 811218\u20139876.csv", "--series", "befolkning",
                     "--lang", lang)
        assert (result.exit_code, result.stderr) == (2, expected)
    assert {p: p.read_bytes() for p in (workspace / "data").iterdir()} == before


def test_the_user_guide_quotes_the_hints_in_both_languages() -> None:
    """The hints are added to other messages, so the scan in tests/test_docs.py does not
    see them; the guide quotes them all the same, and each has an English text."""
    guide = " ".join((Path(__file__).parent.parent / "docs" / "anvandarguide.md")
                     .read_text(encoding="utf-8").split())
    keys = [k for k in MESSAGES if k.startswith("identity_hint_")]
    assert sorted(keys) == ["identity_hint_phone", "identity_hint_timestamp"]
    for key in keys:
        assert MESSAGES[key]["sv"] in guide and MESSAGES[key]["en"]
