"""Dividing documents into splits (train, validation, test...) by document, reproducibly.

A document keeps the split it was first given (the caller stores it); only
documents without one are placed, so that a growing dataset never moves a test
document into training. New documents fill each split towards its share of the
exported documents (largest remainder first), in an order shuffled by ``seed``.
"""

from __future__ import annotations

import random
from collections import Counter

from annotator.core.errors import ValidationError

DEFAULT_SPLIT = "train=0.8,validation=0.1,test=0.1"
_NAME_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")


def parse_split(spec: str) -> dict[str, float]:
    """``train=0.8,validation=0.1,test=0.1`` -> the shares, which must add up to 1."""
    shares: dict[str, float] = {}
    for part in spec.split(","):
        name, equals, value = part.strip().partition("=")
        name = name.strip().lower()
        if not equals or not name or not set(name) <= _NAME_CHARACTERS:
            raise ValidationError(f"split {part.strip()!r}: expected NAME=SHARE, e.g. train=0.8")
        try:
            share = float(value)
        except ValueError:
            raise ValidationError(f"split {name}: {value.strip()!r} is not a number") from None
        if not 0 <= share <= 1 or name in shares:
            raise ValidationError(f"split {name}: a share between 0 and 1, given once")
        shares[name] = share
    if abs(sum(shares.values()) - 1) > 1e-6:
        raise ValidationError(f"the split shares add up to {sum(shares.values()):g}, not 1")
    return shares


def assign_splits(
    documents: list[str], stored: dict[str, str], shares: dict[str, float], seed: int
) -> dict[str, str]:
    """The split of every document of ``documents`` that ``stored`` does not place yet."""
    kept = {doc_id: stored[doc_id] for doc_id in documents if doc_id in stored}
    unknown = sorted(set(kept.values()) - set(shares))
    if unknown:
        raise ValidationError(
            f"documents of this project are already in split(s) {', '.join(unknown)}; "
            f"a document keeps its split, so name every stored split "
            f"(stored: {', '.join(sorted(set(stored.values())))})"
        )
    new = sorted(doc_id for doc_id in dict.fromkeys(documents) if doc_id not in stored)
    random.Random(seed).shuffle(new)
    wanted = _targets(len(kept) + len(new), shares)
    have = Counter(kept.values())
    result = {}
    for doc_id in new:
        # The split furthest below its target gets the next document.
        name = max(shares, key=lambda n: (wanted[n] - have[n], shares[n]))
        result[doc_id] = name
        have[name] += 1
    return result


def _targets(total: int, shares: dict[str, float]) -> dict[str, float]:
    """How many documents each split should hold, in whole documents (largest remainder)."""
    exact = {name: share * total for name, share in shares.items()}
    counts = {name: int(value) for name, value in exact.items()}
    left = total - sum(counts.values())
    for name in sorted(exact, key=lambda n: counts[n] - exact[n])[:left]:
        counts[name] += 1
    return counts
