"""A project on a local PostgreSQL server (the pgserver wheel's, unix socket).

Prints:
  server_import_10k_s   seconds to import the folder of 10,000 articles (bench_io's corpus)
  server_open_s         seconds to open that 10,000-article project (median of 5)
  server_save_ms        milliseconds for one action committed: a span added, with its status
                        row, in one transaction (median of 200)

The server keeps its default durability (fsync on): a saved action is on its disk.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pgserver
from bench_io import make_corpus

from annotator.core.model import Span, new_id
from annotator.services.importing import import_paths
from annotator.services.projects import new_project, open_project
from tests.team_helpers import new_database


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        server = pgserver.get_server(root / "pg", cleanup_mode="stop")
        try:
            url = new_database(server, "bench")
            corpus, _, _ = make_corpus(root)
            with new_project(url) as store:
                started = time.perf_counter()
                import_paths(store, [corpus])
                print(f"server_import_10k_s: {time.perf_counter() - started:.2f} s", flush=True)
            opens = []
            for _ in range(5):
                started = time.perf_counter()
                store = open_project(url)
                opens.append(time.perf_counter() - started)
                store.close()
            print(f"server_open_s: {statistics.median(opens):.3f} s", flush=True)
            with open_project(url) as store:
                doc = store.documents.summaries()[0]
                saves = []
                for i in range(200):
                    span = Span(new_id(), doc.id, "amal", i, i + 1, "PER")
                    started = time.perf_counter()
                    store.annotations.add_span(span)
                    saves.append(time.perf_counter() - started)
            print(f"server_save_ms: {1000 * statistics.median(saves):.2f} ms", flush=True)
        finally:
            server.cleanup()


if __name__ == "__main__":
    main()
