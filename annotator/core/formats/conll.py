"""CoNLL BIO: one ``token<TAB>tag`` per line, a blank line after every sentence.

Each document starts with CoNLL-2003's marker line ``-DOCSTART- -X- O O`` and a
blank line (``spacy convert``, the Hugging Face conll2003 loader and doccano read
it as a document break), or with nothing (``docstart="none"``). Tags are IOB2
``B-LABEL``, ``I-LABEL`` or ``O``. No sentence ends inside a mention (a mention
across a line break keeps its sentence whole). BIO cannot hold nested or
overlapping mentions or events: each one left out is reported. Tokens are cut
at annotation boundaries beforehand (see training_tokens), so no span is lost
to a proclitic.

Reading (:func:`read_conll`) accepts any whitespace-separated columns, token
first and tag last (CoNLL-2003's four columns, ANERcorp's two), IOB1 or IOB2.
A document ends at ``-DOCSTART-``; its text is the tokens joined by spaces, one
sentence per line, so exporting it again gives the same tokens and tags.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.formats.records import DocumentRecord, EntityRecord
from annotator.core.formats.tokenize import Token, TokenIndex, sentences
from annotator.core.model import DocumentAnnotations, Span
from annotator.core.schema import Schema
from annotator.core.text import first_line_title

DOCSTARTS = {"conll2003": "-DOCSTART- -X- O O\n\n", "none": ""}


def to_block(
    item: DocumentAnnotations, tokens: list[Token], docstart: str = "conll2003"
) -> tuple[str, list[str]]:
    """The CoNLL lines of one document and annotator, and the warnings about what was left out."""
    text = item.document.text
    tags, warnings = bio_tags(item, tokens)
    lines = [DOCSTARTS[docstart]]
    position = 0
    for sentence in sentences(text, tokens, [(s.start, s.end) for s in item.spans]):
        for token in sentence:
            lines.append(f"{text[token.start : token.end]}\t{tags[position]}\n")
            position += 1
        lines.append("\n")
    if item.events:
        warnings.append(f"{len(item.events)} event(s) left out: CoNLL BIO has no events")
    return "".join(lines), warnings


def bio_tags(item: DocumentAnnotations, tokens: list[Token]) -> tuple[list[str], list[str]]:
    """The IOB2 tag of every token, and the spans BIO could not hold."""
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


@dataclass
class ConllDocument:
    """One document read from CoNLL: its record, or the (line, reason) problems found."""

    line: int
    record: DocumentRecord | None = None
    problems: list[tuple[int, str]] = field(default_factory=list)


def read_conll(text: str, schema: Schema) -> list[ConllDocument]:
    """The documents of a CoNLL file (see the module documentation)."""
    documents: list[ConllDocument] = []
    builder = _Builder(1, schema)
    for number, line in enumerate(text.split("\n"), start=1):
        columns = line.split()
        if not columns:
            builder.end_sentence()
        elif columns[0] == "-DOCSTART-":
            if builder.has_tokens():
                documents.append(builder.finish())
            builder = _Builder(number, schema)
        elif len(columns) < 2:
            builder.problems.append((number, "expected a token and a tag"))
        else:
            builder.add(number, columns[0], columns[-1])
    if builder.has_tokens() or builder.problems:
        documents.append(builder.finish())
    return documents


class _Builder:
    """Collects the tokens and mentions of one document."""

    def __init__(self, line: int, schema: Schema) -> None:
        self.line, self.schema = line, schema
        self.sentences: list[list[str]] = [[]]
        self.length = 0  # of the text so far
        self.entities: list[EntityRecord] = []
        self.open: EntityRecord | None = None
        self.problems: list[tuple[int, str]] = []

    def has_tokens(self) -> bool:
        return any(self.sentences)

    def end_sentence(self) -> None:
        self.open = None
        if self.sentences[-1]:
            self.sentences.append([])

    def add(self, number: int, token: str, tag: str) -> None:
        sentence = self.sentences[-1]
        if sentence:
            self.length += 1  # the space before the token
        elif self.has_tokens():
            self.length += 1  # the line break before the sentence
        start, self.length = self.length, self.length + len(token)
        sentence.append(token)
        prefix, _, label = tag.partition("-")
        if tag == "O":
            self.open = None
        elif prefix not in ("B", "I") or not label:
            self.problems.append((number, f"tag {tag!r} is not O, B-LABEL or I-LABEL"))
        elif self.schema.entity(label) is None:
            self.problems.append((number, f"unknown entity label {label!r} (not in the schema)"))
        elif prefix == "I" and self.open is not None and self.open.label == label:
            self.open.end = self.length
        else:  # B-, or an I- that starts a mention (IOB1)
            self.open = EntityRecord(start, self.length, label)
            self.entities.append(self.open)

    def finish(self) -> ConllDocument:
        if self.problems:
            return ConllDocument(self.line, problems=self.problems)
        text = "\n".join(" ".join(tokens) for tokens in self.sentences if tokens)
        record = DocumentRecord(text, title=first_line_title(text), entities=self.entities)
        return ConllDocument(self.line, record)
