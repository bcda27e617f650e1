"""Privacy on the command line: no personal identity number gets into a plan.

tests/test_pnr.py checks the detector itself (45 cases). These tests check the commands:
every command that writes text refuses a number (exit 2, the file byte for byte as it
was, the number never echoed in full), real notes that merely look alike are saved as
written, and `validate` reports a number already in a file at its line and column.
"""

from __future__ import annotations

import re
from pathlib import Path

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


def test_the_table_of_notes_refused_and_accepted(plans: Path, cli, figure) -> None:
    """Each valid number is refused with its masked form, the file left byte for byte as
    it was; each look-alike is saved exactly as written."""
    plan = plans / "2021.yaml"
    wrong = []
    for note, masked in REFUSED:
        before = plan.read_bytes()
        result = cli(*BASE, "--plan", plan, "--note", note)
        expected = (f"fel: --note innehåller ett personnummer eller samordningsnummer "
                    f"({masked}); beskriv aktiviteten, inte personer. Inget sparades.\n")
        if (result.exit_code, result.stderr) != (2, expected) or plan.read_bytes() != before:
            wrong.append(f"not refused as expected: {note!r}: {result.stderr!r}")
        if full_numbers(result.stdout + result.stderr):
            wrong.append(f"number echoed in full: {note!r}")
    for note in ACCEPTED:
        result = cli(*BASE, "--plan", plan, "--note", note)
        if result.exit_code != 0 or load_plan(plan).plan.activities[-1].note != note:
            wrong.append(f"refused or changed: {note!r}: {result.stderr!r}")
    assert not wrong, "\n".join(wrong)
    assert cli("validate", plan).exit_code == 0
    assert len(REFUSED) + len(ACCEPTED) >= 20
    figure("6. Integritet / privacy",
           f"`log --note`: {len(REFUSED)} texter med giltiga nummer, {len(ACCEPTED)} som "
           "bara liknar (fel kontrollsiffra, omöjligt datum, datum och tider, telefon-, "
           "order-, diarie-, anmälnings- och organisationsnummer)",
           f"{len(REFUSED)}/{len(REFUSED)} vägrade (exit 2, filen orörd, numret maskerat); "
           f"{len(ACCEPTED)}/{len(ACCEPTED)} sparade ordagrant")


NUMBERS = ["811218-9876", "198112189876", "811278-9873"]


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
                    and "Inget sparades." in result.stderr and number not in result.stderr
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
                        "date: 2021-05-01, note: Hördes 811278-9873 i dag}\n")
    plan.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    comment = lines.index("# ring 19811218-9876 vid frågor") + 1
    note = len(lines)
    result = cli("validate", plan)
    assert result.exit_code == 1
    message = ("error: personnummer eller samordningsnummer ({}) i texten; ta bort det, "
               "anteckningar beskriver aktiviteter, inte personer")
    problems = [line for line in result.stdout.splitlines() if "personnummer" in line]
    assert problems == [f"{plan}:{comment}:8: " + message.format("19811218-****"),
                        f"{plan}:{note}:60: " + message.format("811278-****")]
    assert not full_numbers(result.stdout + result.stderr)
    figure("6. Integritet / privacy", "`validate` på en plan med nummer i en kommentar "
           "och i en anteckning", "båda rapporterade med rad och kolumn, exit 1, "
           "numret maskerat")
