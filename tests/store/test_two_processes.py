"""Two processes writing to one project at once wait for each other instead of failing."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from annotator.store import ProjectStore, open_project

WRITER = textwrap.dedent(
    """
    import sys
    from annotator.core.model import Span, new_id
    from annotator.store import open_project

    path, doc_id, annotator, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    with open_project(path) as store:
        for i in range(count):
            store.annotations.add_span(Span(new_id(), doc_id, annotator, i % 20, i % 20 + 3, "PER"))
    print("done")
    """
)


def test_two_writers_at_once_lose_nothing(project: ProjectStore, tmp_path: Path) -> None:
    doc = project.documents.add("نص تجريبي طويل بما يكفي لعشرين موضعًا مختلفًا", "نص")
    path = project.path
    project.close()
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    root = str(Path(__file__).resolve().parents[2])
    env = {"PYTHONPATH": root}
    procs = [
        subprocess.Popen(
            [sys.executable, str(script), str(path), doc.id, name, "150"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for name in ("amal", "karim")
    ]
    results = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert out.strip() == "done"
    with open_project(path) as store:
        assert len(store.annotations.spans(doc.id, "amal")) == 150
        assert len(store.annotations.spans(doc.id, "karim")) == 150
