"""A COMMIT whose answer is lost: the server is asked what became of the change.

A connection can break after the server has committed and before its answer arrives;
then the change is kept, and saying "not saved" would be wrong (the window would drop
an annotation the project has). The store asks the server on a new connection
(txid_status) and says what really happened.
"""

from __future__ import annotations

import time

import pytest

from annotator.core.errors import ConnectionLostError
from annotator.core.model import Span, new_id
from annotator.services.projects import default_schema
from annotator.store import create_project, open_project
from tests.pg_proxy import relay

TEXT = "قصفت طائرات مسيّرة موقعًا عسكريًا قرب حلب فجر اليوم."


def test_a_change_the_server_kept_is_saved_though_the_answer_was_lost(server_url: str) -> None:
    with relay(server_url) as cut, create_project(cut.url, default_schema()) as store:
        doc = store.documents.add(TEXT, "حلب")
        cut.cut_at_commit = "after"
        span = store.annotations.add_span(Span(new_id(), doc.id, "amal", 0, 4, "ORG"))
        assert cut.cuts == 1  # the answer was lost, and no error reached the caller
        assert store.annotations.spans(doc.id) == [span]  # the next action reconnects
    with open_project(server_url) as again:
        assert again.annotations.spans(doc.id) == [span]


def test_a_change_the_server_never_got_is_reported_not_saved(server_url: str) -> None:
    with relay(server_url) as cut, create_project(cut.url, default_schema()) as store:
        doc = store.documents.add(TEXT, "حلب")
        cut.cut_at_commit = "before"
        with pytest.raises(ConnectionLostError, match="was not saved \\(the server says so\\)"):
            store.annotations.add_span(Span(new_id(), doc.id, "amal", 0, 4, "ORG"))
        assert cut.cuts == 1
        assert store.annotations.spans(doc.id) == []


def test_when_the_server_cannot_be_asked_the_message_says_so(server_url: str) -> None:
    with relay(server_url) as cut, create_project(cut.url, default_schema()) as store:
        doc = store.documents.add(TEXT, "حلب")
        cut.cut_at_commit, cut.refuse_new = "after", True
        span = Span(new_id(), doc.id, "amal", 0, 4, "ORG")
        with pytest.raises(ConnectionLostError, match="cannot be asked whether it kept it"):
            store.annotations.add_span(span)
        cut.refuse_new = False  # the server is back: the change was kept after all
        assert store.annotations.spans(doc.id) == [span]


def test_a_transaction_the_server_still_holds_open_is_settled_at_once(server_url: str) -> None:
    """The server has not noticed the cut: the session that held the transaction is
    ended (not left for the server's five-minute idle limit) and the answer is known."""
    with relay(server_url) as cut, create_project(cut.url, default_schema()) as store:
        doc = store.documents.add(TEXT, "حلب")
        cut.cut_at_commit = "held"
        started = time.monotonic()
        with pytest.raises(ConnectionLostError, match=r"was not saved \(the server says so\)"):
            store.annotations.add_span(Span(new_id(), doc.id, "amal", 0, 4, "ORG"))
        assert time.monotonic() - started < 5
        assert store.annotations.spans(doc.id) == []
        # The write lock the lost session held is free: the next action is not kept waiting.
        span = store.annotations.add_span(Span(new_id(), doc.id, "amal", 5, 11, "VEH"))
        assert store.annotations.spans(doc.id) == [span]
