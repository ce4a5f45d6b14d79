"""CoNLL BIO: one ``token<TAB>tag`` per line, a blank line after every sentence.

Each document starts with the CoNLL-2003 marker line ``-DOCSTART-<TAB>O`` and a
blank line. Tags are ``B-LABEL``, ``I-LABEL`` or ``O``. BIO cannot hold nested or
overlapping mentions, spans that do not match token boundaries, or events: each
one left out is reported.
"""

from __future__ import annotations

from annotator.core.formats.tokenize import Token, TokenIndex, sentences
from annotator.core.model import DocumentAnnotations, Span

DOCSTART = "-DOCSTART-\tO\n\n"


def to_block(item: DocumentAnnotations, tokens: list[Token]) -> tuple[str, list[str]]:
    """The CoNLL lines of one document and annotator, and the warnings about what was left out."""
    text = item.document.text
    tags, warnings = _tags(item, tokens)
    lines = [DOCSTART]
    position = 0
    for sentence in sentences(text, tokens):
        for token in sentence:
            lines.append(f"{text[token.start : token.end]}\t{tags[position]}\n")
            position += 1
        lines.append("\n")
    if item.events:
        warnings.append(f"{len(item.events)} event(s) left out: CoNLL BIO has no events")
    return "".join(lines), warnings


def _tags(item: DocumentAnnotations, tokens: list[Token]) -> tuple[list[str], list[str]]:
    text = item.document.text
    index = TokenIndex(text, tokens)
    tags = ["O"] * len(tokens)
    owner: list[Span | None] = [None] * len(tokens)
    warnings = []
    for span in sorted(item.spans, key=lambda s: (s.start, -s.end, s.id)):
        label = f"{span.label} [{span.start}, {span.end}) «{text[span.start : span.end]}»"
        where = index.align(span.start, span.end)
        if where.problem:
            warnings.append(f"span {label}: {where.problem}; left out")
            continue
        taken = next((o for o in owner[where.first : where.last + 1] if o is not None), None)
        if taken is not None:
            warnings.append(
                f"span {label}: overlaps {taken.label} [{taken.start}, {taken.end}), "
                "which BIO cannot express; left out"
            )
            continue
        for i in range(where.first, where.last + 1):
            tags[i] = f"{'B' if i == where.first else 'I'}-{span.label}"
            owner[i] = span
    return tags, warnings
