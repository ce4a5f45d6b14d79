"""Canonical text and the rules of the model."""

from __future__ import annotations

import os
import threading
import time

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from annotator.core.errors import ValidationError
from annotator.core.model import (
    Annotator,
    Document,
    Span,
    Status,
    check_offsets,
    new_id,
    new_ids,
    text_sha256,
)
from annotator.core.text import canonicalize, first_line_title, is_canonical


def test_canonicalize_reports_each_change() -> None:
    result = canonicalize("\ufeffسطر أول\r\nسطر ثان\rسطر\x00 ثالث\u2029")
    assert result.text == "سطر أول\nسطر ثان\nسطر ثالث\n"
    assert result.changes == [
        "removed the byte-order mark",
        "normalised 3 line ending(s) to \\n",
        "removed 1 control character(s)",
    ]


def test_every_leading_byte_order_mark_is_removed() -> None:
    result = canonicalize("\ufeff\ufeffسطر")
    assert result.text == "سطر"
    assert result.changes == ["removed the byte-order mark (2)"]


def test_canonicalize_keeps_marks_that_matter() -> None:
    text = "وزيرُ الـــداخلية\u200f «NATO»\u00a0🇮🇶\t٢٠٢٥"
    assert canonicalize(text).text == text
    assert canonicalize(text).changes == []


def test_lone_surrogates_are_refused() -> None:
    with pytest.raises(ValidationError, match="lone surrogate U\\+D800 at offset 3"):
        canonicalize("abc\ud800")


@given(st.text())
@example("\ufeff\ufeffسطر")  # a file saved twice by tools that add a byte-order mark
def test_canonical_text_is_a_fixed_point(raw: str) -> None:
    try:
        text = canonicalize(raw).text
    except ValidationError:
        return
    assert is_canonical(text)
    assert canonicalize(text).text == text


NEWLINES_AND_CONTROLS = list("ab \n\r\x0b\x0c\x85\u2028\u2029\x00\ufeff")


@given(st.text(alphabet=st.sampled_from(NEWLINES_AND_CONTROLS), max_size=20))
def test_is_canonical_says_whether_canonicalize_changes_anything(raw: str) -> None:
    result = canonicalize(raw)
    assert is_canonical(raw) == (result.text == raw) == (result.changes == [])


def test_offsets_rules() -> None:
    check_offsets(0, 3, 3)
    for start, end in [(-1, 2), (2, 2), (3, 1), (0, 4)]:
        with pytest.raises(ValidationError):
            check_offsets(start, end, 3)
    with pytest.raises(ValidationError, match="integers"):
        check_offsets(True, 2, 3)


def test_span_refuses_reversed_offsets_at_construction() -> None:
    with pytest.raises(ValidationError, match="reversed"):
        Span("s", "d", "amal", 5, 2, "PER")


def test_document_hash_and_annotator_name() -> None:
    doc = Document("d", "t", "نص")
    assert doc.sha256 == text_sha256("نص") and len(doc) == 2
    assert Annotator("  amal ").name == "amal"
    with pytest.raises(ValidationError):
        Annotator("  ")
    with pytest.raises(ValidationError, match="expected one of new, in_progress"):
        Status.parse("finished")


def test_first_line_title() -> None:
    assert first_line_title("\n\n  عنوان   الخبر \nنص") == "عنوان الخبر"
    assert first_line_title("ا" * 200, limit=10) == "ا" * 9 + "…"


def test_ids_made_in_a_batch_are_like_ids_made_one_by_one() -> None:
    one = new_id()
    batch = new_ids(1000)
    assert len(set(batch)) == 1000
    for made in batch:
        assert len(made) == len(one) == 26
        assert set(made) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")  # Crockford's base 32
        assert made[:10] >= one[:10]  # the time first: ids made later sort later
    assert new_ids(0) == []


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")
def test_ids_stay_unique_across_threads_and_forked_processes() -> None:
    """Random bytes are read ahead in blocks: threads share them, a child forgets them."""
    new_id()  # the parent now holds unread random bytes
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the child: the ids it makes next, then leave at once
        os.write(write, "".join(new_ids(100)).encode())
        os._exit(0)
    os.close(write)
    os.waitpid(child, 0)
    with os.fdopen(read, "rb") as pipe:
        in_child = pipe.read().decode()
    in_parent = "".join(new_ids(100))
    assert len(in_child) == len(in_parent) == 2600
    random_parts = {in_child[at + 10 : at + 26] for at in range(0, 2600, 26)}
    assert random_parts.isdisjoint(in_parent[at + 10 : at + 26] for at in range(0, 2600, 26))
    made: list[list[str]] = [[] for _ in range(4)]
    threads = [
        threading.Thread(target=lambda out=out: out.extend(new_ids(1) + new_ids(50)))
        for out in made
        for _ in range(20)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [made_id for out in made for made_id in out]
    assert len(every) == len(set(every)) == 4 * 20 * 51


def test_an_id_is_a_ulid_of_the_time_it_was_made() -> None:
    before = time.time_ns() // 1_000_000
    made = new_id()
    after = time.time_ns() // 1_000_000
    digits = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    value = 0
    for char in made:
        value = value * 32 + digits.index(char)
    assert value < 2**128  # a ULID's 130 bits begin with two zeros
    assert before <= value >> 80 <= after
    # Ids of later milliseconds sort later as text, the way the file's indexes order them.
    made_later = []
    for _ in range(3):
        time.sleep(0.002)
        made_later.append(new_id())
    assert [made, *made_later] == sorted([made, *made_later])
