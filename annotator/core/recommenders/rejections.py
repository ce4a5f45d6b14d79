"""What the CRF learns from rejections: a post-filter over its predictions.

Why a filter and not ``O`` tags in training: a rejection says "not this label on
this range", not "no entity here" (the annotator may reject PER on a name that is
an ORG and label it later), and crfsuite has no partial labels, so it cannot learn
from the rejected tokens of a sentence whose other tokens nobody looked at. In a
done document the tokens nobody labelled are already ``O`` in training, so there
a rejection adds nothing the model does not see; and even where it does, a retrained
CRF may propose the same span again. The annotator's word is kept exactly instead:

- in the document where it was rejected (known by its text, which never changes),
  the same range with the same label and kind is never proposed again;
- elsewhere, the same surface form (folded words) with that label loses confidence
  as the string matcher's does: times labelled / (times labelled + times rejected),
  each count plus one, so the live threshold hides a form rejected more often than it
  was labelled.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from annotator.core.errors import ValidationError
from annotator.core.recommenders.base import ItemKind, Labelled, Prediction, TrainingSet
from annotator.core.recommenders.words import phrase_key

# (kind, folded phrase, label): what a rejection of a surface form is counted under.
FormKey = tuple[str, tuple[str, ...], str]
# (kind, start, end, label): an exact rejected suggestion in one document.
Exact = tuple[str, int, int, str]


def text_digest(text: str) -> str:
    """A document's identity as a recommender sees it: the hash of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class RejectionMemory:
    """The rejections a recommender learnt, by document and by surface form."""

    exact: dict[str, set[Exact]] = field(default_factory=dict)
    rejected: Counter[FormKey] = field(default_factory=Counter)
    labelled: Counter[FormKey] = field(default_factory=Counter)

    @classmethod
    def learn(cls, training: TrainingSet) -> RejectionMemory:
        """The rejections of ``training`` (done documents' and the others'), and how often
        each rejected form was labelled with the rejected label in the done documents."""
        memory = cls()
        for doc in (*training.documents, *training.extra_rejections):
            for kind, items in ((ItemKind.SPAN, doc.rejected_spans),
                                (ItemKind.EVENT, doc.rejected_triggers)):
                memory._reject(doc.text, kind, items)
        if memory.rejected:
            for doc in training.documents:
                memory._count_labelled(doc.text, ItemKind.SPAN, doc.spans)
                memory._count_labelled(doc.text, ItemKind.EVENT, doc.triggers)
        return memory

    def _reject(self, text: str, kind: ItemKind, items: Iterable[Labelled]) -> None:
        for item in items:
            exact = self.exact.setdefault(text_digest(text), set())
            exact.add((kind.value, item.start, item.end, item.label))
            self.rejected[_form(text, kind, item.start, item.end, item.label)] += 1

    def _count_labelled(self, text: str, kind: ItemKind, items: Iterable[Labelled]) -> None:
        for item in items:
            key = _form(text, kind, item.start, item.end, item.label)
            if key in self.rejected:  # only the forms a filter will ask about
                self.labelled[key] += 1

    def __bool__(self) -> bool:
        return bool(self.rejected)

    def apply(self, text: str, predictions: list[Prediction]) -> list[Prediction]:
        """``predictions`` for ``text`` without what was rejected there, and with the
        confidence of rejected forms lowered elsewhere (see the module's doc)."""
        if not self.rejected:
            return predictions
        here = self.exact.get(text_digest(text), set())
        kept = []
        for p in predictions:
            if (p.kind.value, p.start, p.end, p.label) in here:
                continue
            key = _form(text, p.kind, p.start, p.end, p.label)
            rejected = self.rejected.get(key, 0)
            if rejected:
                labelled = self.labelled.get(key, 0) + 1
                p = replace(p, confidence=p.confidence * labelled / (labelled + rejected))
            kept.append(p)
        return kept

    def to_bytes(self) -> bytes:
        """JSON, for the stored model blob (no pickle: the project file is data)."""
        rows = {
            "exact": {d: sorted(map(list, items)) for d, items in sorted(self.exact.items())},
            "forms": [
                [kind, list(phrase), label, n, self.labelled.get((kind, phrase, label), 0)]
                for (kind, phrase, label), n in sorted(self.rejected.items())
            ],
        }
        return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> RejectionMemory:
        """The memory :meth:`to_bytes` wrote."""
        try:
            rows = json.loads(data.decode("utf-8"))
            memory = cls()
            for digest, items in rows["exact"].items():
                memory.exact[digest] = {(k, int(s), int(e), label) for k, s, e, label in items}
            for kind, phrase, label, rejected, labelled in rows["forms"]:
                key = (kind, tuple(phrase), label)
                memory.rejected[key] = int(rejected)
                if labelled:
                    memory.labelled[key] = int(labelled)
        except (ValueError, KeyError, TypeError) as exc:
            raise ValidationError(f"the stored CRF rejections are not readable: {exc}") from exc
        return memory


def _form(text: str, kind: ItemKind, start: int, end: int, label: str) -> FormKey:
    return (kind.value, phrase_key(text[start:end]), label)
