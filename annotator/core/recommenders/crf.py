"""The statistical sequence labeller: linear-chain CRFs (python-crfsuite).

Two models over the same token features: one tags entity mentions, one tags
event triggers (with their type), each trained when the done documents hold
such labels. Predictions carry the model's confidence, the smallest marginal
probability of the tags that make up the span. The models are kept as bytes
(crfsuite's own format), so a trained labeller pickles into another process
(background training, parallel prediction) and is stored in the project
without pickle.

Rejections are learnt as a filter over the predictions (rejections.py says why):
what was rejected in a document is never proposed there again, and a rejected
surface form loses confidence elsewhere.
"""

from __future__ import annotations

import hashlib
import os
import random
import struct
import tempfile
from typing import Any

import pycrfsuite

from annotator.core.errors import ValidationError
from annotator.core.recommenders.base import (
    ItemKind,
    Prediction,
    TrainingSet,
    by_position,
)
from annotator.core.recommenders.features import OUTSIDE, Sentence, decode, featurize, tags
from annotator.core.recommenders.rejections import RejectionMemory

# L1 keeps the model small (most of the sparse features go to zero), L2 smooths. A strong
# L1 keeps the model from learning names by heart where annotators missed a few: on
# generated news with 5% of names left unlabelled, c1 0.05 found 48% of unseen names
# after 100 documents, c1 0.5 71%, for the same F1 on names seen in training. crfsuite
# sums the loss over the data, so c1 grows in step with the tokens past 10,000 to keep
# the same pull per token: with it (and word dropout) F1 on unseen names stayed near
# 0.8 from 100 to 1,000 noisy documents, where a fixed c1 fell from 0.75 to 0.37.
TRAINING_PARAMS: dict[str, Any] = {
    "c1": 0.5,
    "c2": 0.01,
    "max_iterations": 80,
    "feature.possible_transitions": True,
}
_MAGIC_V1 = b"annotator-crf/1\n"  # the two models (still read)
_MAGIC = b"annotator-crf/2\n"  # the two models and the rejections learnt
# The entity model learns with the word's own identity hidden from this share of
# tokens (word dropout), so it must also learn the contexts names stand in: that
# is what finds names it never saw.
IDENTITY_DROPOUT = 0.3
_IDENTITY = ("w=", "st=", "bare=")


def _masked(features: list[list[str]], rng: random.Random) -> list[list[str]]:
    return [
        [f for f in token if not f.startswith(_IDENTITY)]
        if rng.random() < IDENTITY_DROPOUT
        else token
        for token in features
    ]


def _train(sequences: list[tuple[list[list[str]], list[str]]], params: dict[str, Any]):
    """A crfsuite model (bytes) for ``sequences``; None when nothing in them is labelled."""
    if not any(tag != OUTSIDE for _, labels in sequences for tag in labels):
        return None  # no model rather than one that always says O
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels in sequences:
        trainer.append(features, labels)
    trainer.set_params(params)
    handle, path = tempfile.mkstemp(suffix=".crfsuite")
    os.close(handle)
    try:
        trainer.train(path)
        with open(path, "rb") as model_file:
            return model_file.read()
    finally:
        os.unlink(path)


class CrfLabeller:
    """CRFs over Arabic-aware token features, decoded to spans by BIO tags."""

    name = "crf"

    def __init__(self, params: dict[str, Any] | None = None) -> None:
        self.params = {**TRAINING_PARAMS, **(params or {})}
        self.models: dict[ItemKind, bytes] = {}
        self.rejections = RejectionMemory()
        self._taggers: dict[ItemKind, pycrfsuite.Tagger] = {}

    @property
    def model(self) -> bytes | None:
        """Both models and the rejections in one blob (None when untrained), for storing
        in the project.

        The blob carries a SHA-256 of its parts: crfsuite trusts the bytes it is
        given (a damaged model can crash it), so a changed byte is caught first.
        """
        if not self.models:
            return None
        parts = [
            self.models.get(ItemKind.SPAN, b""),
            self.models.get(ItemKind.EVENT, b""),
            self.rejections.to_bytes() if self.rejections else b"",
        ]
        body = b"".join(parts)
        sizes = struct.pack("<QQQ", *map(len, parts))
        return _MAGIC + sizes + hashlib.sha256(body).digest() + body

    @classmethod
    def from_model(cls, blob: bytes) -> CrfLabeller:
        """A labeller around models trained before (the :attr:`model` blob, either version)."""
        count = 3 if blob.startswith(_MAGIC) else 2 if blob.startswith(_MAGIC_V1) else 0
        head = len(_MAGIC) + 8 * count + 32
        if not count or len(blob) < head:
            raise ValidationError("the stored CRF model is not one annotator wrote")
        sizes = struct.unpack(f"<{count}Q", blob[len(_MAGIC) : head - 32])
        body = blob[head:]
        if len(body) != sum(sizes) or hashlib.sha256(body).digest() != blob[head - 32 : head]:
            raise ValidationError("the stored CRF model is damaged (its checksum differs)")
        entity, trigger, rejections = (*_split(body, sizes), b"")[:3]
        labeller = cls()
        parts = {ItemKind.SPAN: entity, ItemKind.EVENT: trigger}
        labeller.models = {kind: part for kind, part in parts.items() if part}
        if rejections:
            labeller.rejections = RejectionMemory.from_bytes(rejections)
        return labeller

    def __getstate__(self) -> dict[str, Any]:
        # A tagger is a C object: pickle the model bytes and reopen on the other side.
        return {"params": self.params, "models": self.models, "rejections": self.rejections}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.params, self.models, self._taggers = state["params"], state["models"], {}
        self.rejections = state.get("rejections") or RejectionMemory()

    @property
    def kinds(self) -> tuple[ItemKind, ...]:
        """What it predicts: entity spans, and triggers once it learnt some."""
        return tuple(kind for kind in (ItemKind.SPAN, ItemKind.EVENT) if kind in self.models)

    @property
    def trained(self) -> bool:
        """True once fit() found something to learn."""
        return bool(self.models)

    def fit(self, training: TrainingSet) -> None:
        """Train on the entity spans and the event triggers of ``training``'s documents, and
        remember its rejections (see the module's doc)."""
        entity_sequences, trigger_sequences = [], []
        forget = random.Random(0)  # the same data always gives the same model
        for doc in training.documents:
            for sentence in featurize(doc.text):
                entity_sequences.append(
                    (_masked(sentence.features, forget), tags(doc.text, sentence.tokens, doc.spans))
                )
                trigger_sequences.append(
                    (sentence.features, tags(doc.text, sentence.tokens, doc.triggers))
                )
        self._taggers = {}
        self.models = {}
        self.rejections = RejectionMemory.learn(training)
        tokens = sum(len(features) for features, _ in entity_sequences)
        params = {**self.params, "c1": self.params["c1"] * max(1.0, tokens / 10_000)}
        for kind, sequences in (
            (ItemKind.SPAN, entity_sequences),
            (ItemKind.EVENT, trigger_sequences),
        ):
            model = _train(sequences, params)
            if model is not None:
                self.models[kind] = model

    def _tagger(self, kind: ItemKind) -> pycrfsuite.Tagger | None:
        if kind not in self._taggers and kind in self.models:
            tagger = pycrfsuite.Tagger()
            tagger.open_inmemory(self.models[kind])
            self._taggers[kind] = tagger
        return self._taggers.get(kind)

    def predict(self, text: str) -> list[Prediction]:
        """Entity spans and event triggers in ``text`` with their confidence."""
        if not self.models:
            return []
        predictions: list[Prediction] = []
        for sentence in featurize(text):
            for kind in self.kinds:
                predictions += self._predict_sentence(text, sentence, kind)
        return by_position(self.rejections.apply(text, predictions))

    def _predict_sentence(self, text: str, sentence: Sentence, kind: ItemKind) -> list[Prediction]:
        tagger = self._tagger(kind)
        assert tagger is not None
        labels = tagger.tag(sentence.features)
        found = []
        for start, end, label, members in decode(text, sentence.tokens, labels):
            confidence = min(tagger.marginal(labels[i], i) for i in members)
            found.append(Prediction(start, end, label, confidence, kind))
        return found

    def uncertainty(self, text: str) -> float:
        """How unsure the entity model is about ``text``: mean over tokens of 1 - best marginal.

        Active learning puts the documents the model is least sure of first.
        """
        tagger = self._tagger(ItemKind.SPAN)
        if tagger is None:
            return 1.0
        total, count = 0.0, 0
        for sentence in featurize(text):
            labels = tagger.tag(sentence.features)
            total += sum(1.0 - tagger.marginal(label, i) for i, label in enumerate(labels))
            count += len(labels)
        return total / count if count else 0.0


def _split(body: bytes, sizes: tuple[int, ...]) -> list[bytes]:
    parts, start = [], 0
    for size in sizes:
        parts.append(body[start : start + size])
        start += size
    return parts
