"""Two windows on a team server see each other's saved work within 2 s: a notification
makes a window poll at once (its timer alone would take POLL_MS)."""

from __future__ import annotations

from annotator.ui.project_session import POLL_MS
from annotator.ui.review import ReviewFeature
from tests.team_helpers import TEXT, as_user
from tests.ui.test_project_session import label_first_word

LIVE_MS = 2000


def review_of(window) -> ReviewFeature:
    return next(f for f in window.features if isinstance(f, ReviewFeature))


def test_two_windows_see_each_others_saved_work_live(
    make_window, team: str, messages: list[str], qtbot
) -> None:
    assert POLL_MS > LIVE_MS  # what is seen in time was not the timer's doing
    lead = make_window(as_user(team, "lina"))
    assert lead.annotator == "lina"  # the login role annotates, whatever the settings say
    progress = review_of(lead).show_progress()
    amal = make_window(as_user(team, "amal"))
    assert amal.annotator == "amal" and not amal.project.read_only
    amal.activateWindow()
    qtbot.waitUntil(amal.isActiveWindow)
    label_first_word(amal, qtbot)

    def lead_sees_amals_span() -> bool:
        rows = {a.name: a for a in progress.progress.annotators} if progress.progress else {}
        return "amal" in rows and rows["amal"].spans == 1

    qtbot.waitUntil(lead_sees_amals_span, timeout=LIVE_MS)
    assert messages == []

    before = amal.document_list.model.rowCount()
    added = lead.project._store.documents.add(f"{TEXT} مرة أخرى", "خبر جديد")  # the lead adds one
    qtbot.waitUntil(lambda: amal.document_list.model.rowCount() == before + 1, timeout=LIVE_MS)
    reloads: list[int] = []
    amal.reloaded.connect(lambda: reloads.append(1))
    lead.project.assign(["amal"], every=True)  # and assigns amal every document
    qtbot.waitUntil(lambda: bool(reloads), timeout=LIVE_MS)
    assert amal.project.list_key_of(added.id) is not None and amal.project.has_assignments("amal")
