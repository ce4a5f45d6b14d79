"""Property: whatever the importer accepts, the store can delete and restore, span by span.

The rules of core.rules guard both: were the importer laxer than the editor (as
once, with a Place filled by a PER), restoring a deleted span would be refused.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from annotator.core.schema import Schema
from annotator.services.importing import ImportFailed, import_paths
from annotator.services.projects import default_schema
from annotator.store import ProjectStore, create_project
from tests.io_samples import file_hash

SCHEMAS = [default_schema(), replace(default_schema(), allow_overlap=False)]
TEXT = "هاجم مسلحون قرية في الموصل وقتلوا أحمد الساعدي صباح الأحد."


@st.composite
def records(draw: st.DrawFn, schema: Schema) -> dict:
    """A native JSONL record, often valid, sometimes breaking a rule."""
    labels = [*schema.entity_keys, "PERSON"]
    entities = []
    for i in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(TEXT) - 1))
        end = draw(st.integers(start + 1, min(len(TEXT), start + 15)))
        entities.append({"id": f"T{i}", "start": start, "end": end,
                         "label": draw(st.sampled_from(labels))})
    events = []
    for _ in range(draw(st.integers(0, 3))):
        kind = schema.event(draw(st.sampled_from(schema.event_keys)))
        start = draw(st.integers(0, len(TEXT) - 1))
        arguments = []
        if entities and kind.roles:
            for _ in range(draw(st.integers(0, 3))):
                role = draw(st.sampled_from(kind.roles)).role
                arguments.append({"role": role, "entity": draw(st.sampled_from(entities))["id"]})
        events.append({"type": kind.key, "trigger": {"start": start, "end": start + 1},
                       "arguments": arguments})
    return {"text": TEXT, "annotator": "amal", "entities": entities, "events": events}


def state(store: ProjectStore) -> tuple:
    doc_ids = [d.id for d in store.documents.summaries()]
    return (
        [store.annotations.spans(doc_id) for doc_id in doc_ids],
        [store.annotations.events(doc_id) for doc_id in doc_ids],
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), exclusive=st.booleans())
def test_accepted_work_can_be_deleted_and_restored_span_by_span(
    data: st.DataObject, exclusive: bool
) -> None:
    schema = SCHEMAS[exclusive]
    record = data.draw(records(schema))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.jsonl"
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        with create_project(Path(folder) / "p.annproj", schema) as store:
            before = file_hash(store.path)
            try:
                import_paths(store, [path])
            except ImportFailed as refused:
                assert all(p.startswith(f"{path}:1: ") for p in refused.problems)
                assert file_hash(store.path) == before
                event("refused")
                return
            event("accepted")
            check_delete_and_restore(store)


def check_delete_and_restore(store: ProjectStore) -> None:
    imported = state(store)
    (doc_id,) = [d.id for d in store.documents.summaries()]
    for span in store.annotations.spans(doc_id):
        removal = store.annotations.remove_span(span.id)
        store.annotations.restore_span(removal)
        assert state(store) == imported
    for stored in store.annotations.events(doc_id):
        removed = store.annotations.remove_event(stored.id)
        store.annotations.add_event(removed)
        assert state(store) == imported
