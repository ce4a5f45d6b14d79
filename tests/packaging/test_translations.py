"""The .ts sources: complete Arabic, English plurals, placeholders kept, in step with the UI."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.packaging import ROOT, load_build_resources

build_resources = load_build_resources()
TRANSLATIONS = build_resources.TRANSLATIONS
# Qt's %1..%99 and %n, and Python's {name} for strings formatted with str.format.
PLACEHOLDER = re.compile(r"%(?:\d{1,2}|n)|\{[A-Za-z_][A-Za-z0-9_]*\}")
MNEMONIC = re.compile(r"&(?!&)(?=\S)")


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, message element) of every current message of a .ts file."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            kind = message.find("translation").get("type")
            if kind not in ("vanished", "obsolete"):
                found.append((name, message.findtext("source", ""), message))
    return found


def translations(message: ET.Element) -> list[str]:
    """The translated text, or each plural form of a numerus message."""
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


ARABIC = messages(TRANSLATIONS / "annotator_ar.ts")
ARABIC_PARAMS = [pytest.param(c, s, m, id=f"{c}:{s[:30]}") for c, s, m in ARABIC]


def test_arabic_has_messages() -> None:
    assert len(ARABIC) >= 20


@pytest.mark.parametrize(("context", "source", "message"), ARABIC_PARAMS)
def test_every_string_has_a_finished_arabic_translation(
    context: str, source: str, message: ET.Element
) -> None:
    forms = translations(message)
    assert message.find("translation").get("type") != "unfinished", f"{context}: {source!r}"
    assert forms and all(f.strip() for f in forms), f"{context}: {source!r} lacks a translation"
    assert all(re.search("[\u0600-\u06ff]", f) for f in forms), f"{source!r}: not Arabic: {forms}"


@pytest.mark.parametrize(("context", "source", "message"), ARABIC_PARAMS)
def test_translations_keep_placeholders_and_mnemonics(
    context: str, source: str, message: ET.Element
) -> None:
    wanted = sorted(PLACEHOLDER.findall(source))
    for form in translations(message):
        got = sorted(PLACEHOLDER.findall(form))
        if message.get("numerus") == "yes":
            # Arabic says "one document", "two documents" without the number.
            wanted_here, got = [p for p in wanted if p != "%n"], [p for p in got if p != "%n"]
        else:
            wanted_here = wanted
        assert got == wanted_here, f"{context}: {source!r} -> {form!r}"
        assert len(MNEMONIC.findall(form)) == len(MNEMONIC.findall(source)), form


def test_english_plural_forms_are_complete() -> None:
    for context, source, message in messages(TRANSLATIONS / "annotator_en.ts"):
        forms = translations(message)
        assert message.get("numerus") == "yes"
        assert len(forms) == 2 and all(forms), f"{context}: {source!r}"
        assert "%n" in forms[1], f"{context}: {source!r}"


def test_ts_files_hold_every_string_of_the_interface(tmp_path: Path) -> None:
    """A string added to annotator/ui without running `make translations-update` fails here."""
    sources = sorted(str(p) for p in (ROOT / "annotator" / "ui").rglob("*.py"))
    fresh = tmp_path / "annotator_ar.ts"
    lupdate = build_resources.lupdate_program()
    subprocess.run(
        [lupdate, *sources, "-silent", "-target-language", "ar", "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    in_code = {(context, source) for context, source, _ in messages(fresh)}
    in_ts = {(context, source) for context, source, _ in ARABIC}
    assert in_code - in_ts == set(), "run `make translations-update`, then translate"
    assert in_ts - in_code == set(), "strings no longer in the interface: run lupdate"


def test_no_tr_on_other_objects() -> None:
    """``window.tr("x")`` is extracted under the context "window" but looked up at run time
    under the object's class: it is never translated. Use ``translate("Context", "x")``."""
    receiver = re.compile(r"(?<![\w.])([A-Za-z_][\w.]*)\.tr\(")
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted((ROOT / "annotator" / "ui").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if any(name != "self" for name in receiver.findall(line.split("#")[0]))
    ]
    assert found == []
