"""Searching titles and texts in the project, compared folded."""

from __future__ import annotations


def test_ids_matching_ignores_harakat_tatweel_hamza_and_case(project) -> None:
    first = project.documents.add("وصل الرَّئِيسُ إلى المـــطار", "زيارة")
    second = project.documents.add("NATO meets in Brussels", "أخبار الناتو")
    project.documents.add("نص آخر", "عنوان")
    assert project.documents.ids_matching("الرئيس") == {first.id}
    assert project.documents.ids_matching("المطار") == {first.id}
    assert project.documents.ids_matching("nato") == {second.id}
    assert project.documents.ids_matching("اخبار") == {second.id}  # أ in the title
    assert project.documents.ids_matching("  ") == set()
