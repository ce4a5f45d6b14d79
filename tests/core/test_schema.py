"""The default schema loads; a broken schema file is refused naming the file and the key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import SchemaError
from annotator.core.resources import DEFAULT_SCHEMA, resource_path
from annotator.core.schema import load_schema, parse_schema

REQUIRED_EVENTS = [
    "Conflict.Attack",
    "Conflict.Demonstrate",
    "Contact.Meet",
    "Contact.Phone-Write",
    "Movement.Transport",
    "Justice.Arrest-Jail",
    "Justice.Release-Parole",
    "Justice.Sentence",
    "Life.Die",
    "Life.Injure",
    "Personnel.Start-Position",
    "Personnel.End-Position",
    "Personnel.Elect",
    "Transaction.Transfer-Money",
    "Transaction.Transfer-Ownership",
    "Business.Start-Org",
]


def test_default_schema_is_ace_2005() -> None:
    schema = load_schema(resource_path(*DEFAULT_SCHEMA))
    assert schema.entity_keys == ["PER", "ORG", "GPE", "LOC", "FAC", "VEH", "WEA", "TIME", "VALUE"]
    assert set(REQUIRED_EVENTS) <= set(schema.event_keys)
    for entity in schema.entities:
        assert entity.name_ar and entity.name_en and entity.guideline and entity.shortcut
    attack = schema.event("Conflict.Attack")
    assert attack is not None
    assert {r.role for r in attack.roles} >= {"Attacker", "Target", "Instrument", "Place"}
    assert [r.role for r in attack.roles_accepting("WEA")] == ["Target", "Instrument"]
    assert schema.event("Life.Die").role("Victim").accepts == ("PER",)


def test_schema_round_trips_through_json() -> None:
    schema = load_schema(resource_path(*DEFAULT_SCHEMA))
    assert parse_schema(schema.to_json()) == schema


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "my schema.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _valid() -> dict:
    return json.loads(resource_path(*DEFAULT_SCHEMA).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (lambda d: d["entities"][1].update(color="blue"), r"entities\[1\]\.color"),
        (lambda d: d["entities"][2].pop("name_ar"), r"entities\[2\]\.name_ar: missing"),
        (lambda d: d["entities"].append(dict(d["entities"][0])), "duplicate key 'PER'"),
        (
            lambda d: d["events"][0]["roles"][0].update(accepts=["CITY"]),
            r"events\[0\]\.roles\[0\]\.accepts: unknown entity type 'CITY'",
        ),
        (lambda d: d.update(format="other/9"), "format: expected"),
        (lambda d: d.update(entities=[]), "entities: must not be empty"),
        (lambda d: d["entities"][3].update(key="has space"), r"entities\[3\]\.key"),
    ],
)
def test_broken_schema_names_file_and_key(tmp_path: Path, breakage, expected: str) -> None:
    data = _valid()
    breakage(data)
    path = _write(tmp_path, data)
    with pytest.raises(SchemaError, match=expected) as info:
        load_schema(path)
    assert str(path) in str(info.value)


def test_duplicate_json_keys_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "dup.json"
    path.write_text('{"format": "annotator-schema/1", "name": "a", "name": "b"}')
    with pytest.raises(SchemaError, match=r"dup\.json: duplicate key 'name'"):
        load_schema(path)


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n "format": "annotator-schema/1",\n "name": \n}')
    with pytest.raises(SchemaError, match=r"bad.json:4: invalid JSON"):
        load_schema(path)


@pytest.mark.parametrize(
    ("misspelling", "expected"),
    [
        (
            lambda d: d.update(alow_overlap=False),
            "my schema.json: alow_overlap: unknown key (did you mean 'allow_overlap'?)",
        ),
        (
            lambda d: d["entities"][2].update(shortcutt="3"),
            "my schema.json: entities[2].shortcutt: unknown key (did you mean 'shortcut'?)",
        ),
        (
            lambda d: d["events"][1].update(colour="#FFFFFF"),
            "my schema.json: events[1].colour: unknown key (did you mean 'color'?)",
        ),
        (
            lambda d: d["events"][0]["roles"][1].update(min=1),
            "my schema.json: events[0].roles[1].min: unknown key (known: role, accepts)",
        ),
    ],
)
def test_an_unknown_key_is_refused_naming_the_file_and_key_path(
    tmp_path: Path, misspelling, expected: str
) -> None:
    data = _valid()
    misspelling(data)
    with pytest.raises(SchemaError) as info:
        load_schema(_write(tmp_path, data))
    assert str(info.value) == f"{tmp_path}/{expected}"


def test_arabic_guidelines_are_optional_and_kept(tmp_path: Path) -> None:
    data = _valid()
    data["entities"][0]["guideline_ar"] = "اسم علم لشخص، أو ضمير يعود عليه."
    data["events"][0]["guideline_ar"] = "حدث عنف."
    data["entities"][1].pop("guideline_ar", None)  # the bundled schema has one for each label
    schema = load_schema(_write(tmp_path, data))
    assert schema.entities[0].guideline_ar == "اسم علم لشخص، أو ضمير يعود عليه."
    assert schema.events[0].guideline_ar == "حدث عنف."
    assert schema.entities[1].guideline_ar == ""
    assert parse_schema(schema.to_json()) == schema
    data["entities"][0]["guideline_ar"] = 7
    with pytest.raises(SchemaError, match=r"entities\[0\]\.guideline_ar: expected str"):
        load_schema(_write(tmp_path, data))
