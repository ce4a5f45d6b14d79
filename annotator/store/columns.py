"""The column lists of the annotation tables, in the order of the core dataclasses.

``Span(*row)`` and ``Event(*row[:6], source=row[6])`` build objects straight from
rows selected with these lists, so every repository uses this one definition.
"""

from __future__ import annotations

SPAN_FIELDS = ("id", "document_id", "annotator", "start", "end", "label", "source")
SPAN_COLUMNS = ", ".join(f'"{name}"' if name == "end" else name for name in SPAN_FIELDS)
EVENT_COLUMNS = "id, document_id, annotator, type, trigger_start, trigger_end, source"
