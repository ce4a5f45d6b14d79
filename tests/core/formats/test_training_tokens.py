"""Tokens for training formats: cut at annotation boundaries, spaced as spaCy rebuilds text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.formats.tokenize import Token, sentences, tokenize
from annotator.core.formats.training_tokens import spaced, split_at

TEXTS = st.lists(
    st.sampled_from([*"بغداد وتونس 3.5 «».\n", "  ", "\u200f", "\u200e", "😀", "\t"]), max_size=30
).map("".join)


@given(TEXTS, st.data())
def test_spaced_tokens_rebuild_the_text_and_align_every_boundary(text: str, data) -> None:
    boundaries = set(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    tokens, _ = split_at(tokenize(text), boundaries)
    layout = spaced(text, tokens, boundaries)
    assert "".join(text[a:b] + " " * ws for a, b, ws in layout) == text  # spaCy's rule
    assert all(a < b for a, b, _ in layout)
    edges = {a for a, _, _ in layout} | {b for _, b, _ in layout} | {0}
    inside_tokens = {b for b in boundaries if any(t.start < b < t.end for t in tokenize(text))}
    assert inside_tokens <= edges  # a boundary inside a word is a token edge after the cut


def test_split_at_cuts_only_inside_tokens_and_counts_them() -> None:
    text = "وتونس وبغداد"
    tokens, split = split_at(tokenize(text), {1, 5, 6})
    assert [text[a:b] for a, b in tokens] == ["و", "تونس", "وبغداد"]
    assert split == 1


@given(TEXTS, st.data())
def test_sentences_never_cut_a_kept_range(text: str, data) -> None:
    tokens = tokenize(text)
    if not tokens:
        return
    first = data.draw(st.integers(0, len(tokens) - 1))
    last = data.draw(st.integers(first, len(tokens) - 1))
    keep = (tokens[first].start, tokens[last].end)
    groups = sentences(text, tokens, [keep])
    assert [t for group in groups for t in group] == tokens
    holder = [g for g in groups if g[0].start <= keep[0] and keep[1] <= g[-1].end]
    assert len(holder) == 1


def test_sentence_ends_still_apply_outside_kept_ranges() -> None:
    text = "وصل الوفد. هل انتهى؟ نعم\nسطر جديد"
    tokens = tokenize(text)
    keep = [(text.index("نعم"), text.index("سطر") + 3)]
    grouped = [[text[a:b] for a, b in group] for group in sentences(text, tokens, keep)]
    assert grouped == [["وصل", "الوفد", "."], ["هل", "انتهى", "؟"], ["نعم", "سطر", "جديد"]]
    assert isinstance(tokens[0], Token)
