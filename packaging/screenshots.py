"""Screenshots of the argument arcs and notes on the demo project, English and Arabic interface.

Run under a display (`make screenshots` starts one with xvfb-run); each language runs in
a process of its own, as a person would start the application, with settings and data of
its own. Writes build/screenshots/arcs-en.png and arcs-ar.png (or into the folder given),
to look at after a change to the arcs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "screenshots"
SIZE = (1300, 820)
EVENT_TYPE = "Contact.Meet"  # the demo's first article has a meeting with three arguments


def shoot(language: str, target: Path) -> None:
    """The main window on the demo's first article, arcs shown, its meeting selected."""
    from PySide6.QtWidgets import QApplication

    from annotator.ui.app import application, create_main_window
    from annotator.ui.settings import AppSettings

    settings = AppSettings()
    settings.annotator = "amal"
    settings.language = language
    settings.set_value("view/argument_arcs", "true")
    app = application()
    window = create_main_window([])
    window.resize(*SIZE)
    window.show()
    project = window.project
    assert project is not None, "the demo project did not open"
    first = project.document_summaries()[0].id
    window.open_document(first)
    feature = next(f for f in window.features if type(f).__name__ == "WorkspaceFeature")
    _note_two_spans(feature, project.spans(first, "amal"))
    meeting = next(e for e in project.events(first, "amal") if e.type == EVENT_TYPE)
    feature.workspace.select_annotation(meeting.id)
    for _ in range(20):  # layout, paint, the arcs' second paint after the first layout
        app.processEvents()
    if not feature.arcs.arcs:
        raise RuntimeError("no argument arcs were drawn")
    window.grab().save(str(target))
    print(f"{target}: {len(feature.arcs.arcs)} arcs")
    window.close()
    QApplication.processEvents()


def _note_two_spans(feature, spans) -> None:
    """A note on the first person and an "unsure" flag on the second place, as an
    annotator leaves them (through the editing session: undoable, saved at once)."""
    from annotator.core.notes import Note

    person = next(s for s in spans if s.label == "PER")
    place = [s for s in spans if s.label == "GPE"][1]
    feature.workspace.select_annotation(place.id)
    feature.notes.toggle_unsure()
    feature.workspace.select_annotation(person.id)
    note = feature.notes.current()
    feature.notes.save(Note(note.target_id, note.kind, note.document_id, note.annotator,
                            "اللقب جزء من الاسم؟"))


def main() -> int:
    """One process per language (the interface language is chosen before any widget)."""
    if len(sys.argv) == 3:  # the child: LANGUAGE TARGET
        shoot(sys.argv[1], Path(sys.argv[2]))
        return 0
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    out.mkdir(parents=True, exist_ok=True)
    for language in ("en", "ar"):
        with tempfile.TemporaryDirectory() as home:
            env = {
                **os.environ,
                "ANNOTATOR_DATA_DIR": f"{home}/data",
                "ANNOTATOR_CONFIG_DIR": f"{home}/config",
                "ANNOTATOR_LOG_DIR": f"{home}/logs",
            }
            target = out / f"arcs-{language}.png"
            subprocess.run([sys.executable, __file__, language, str(target)], env=env, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
