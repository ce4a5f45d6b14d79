"""Generated Arabic news with known entities, for recommender tests and benchmarks.

Names come from two disjoint pools: ``seen`` names are used in training
documents, and held-out documents draw each name from the seen or the unseen
pool, so a test can score a recommender on names it never saw. Templates put
names in the contexts real articles use (after «قال», «في», «وزارة» ...), some
of them behind a proclitic («وبغداد»), and mark event triggers.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from annotator.core.recommenders import Labelled, TrainingDocument

FIRST = {
    "seen": [
        "أحمد",
        "محمد",
        "علي",
        "حسن",
        "خالد",
        "عمر",
        "سالم",
        "يوسف",
        "إبراهيم",
        "مازن",
        "فهد",
        "كريم",
        "سامي",
        "طارق",
        "نبيل",
        "وليد",
        "جمال",
        "رامي",
        "زياد",
        "فيصل",
        "ناصر",
        "هشام",
        "عادل",
        "ماجد",
    ],
    "unseen": [
        "بشير",
        "منصور",
        "رشيد",
        "صلاح",
        "عصام",
        "غسان",
        "مروان",
        "نزار",
        "حمدي",
        "شوقي",
        "رياض",
        "جلال",
        "أنور",
        "حازم",
        "سعدون",
        "قاسم",
    ],
}
LAST = {
    "seen": [
        "الساعدي",
        "الجبوري",
        "العدوان",
        "الحسيني",
        "الربيعي",
        "الخطيب",
        "العلي",
        "الزيدي",
        "المالكي",
        "الكبيسي",
        "الشمري",
        "العبيدي",
        "الدليمي",
        "النعيمي",
        "الهاشمي",
        "التميمي",
    ],
    "unseen": [
        "القيسي",
        "البياتي",
        "الطائي",
        "الجنابي",
        "السامرائي",
        "الراوي",
        "العزاوي",
        "الكعبي",
        "الفلاحي",
        "المشهداني",
    ],
}
PLACES = {
    "seen": [
        "بغداد",
        "البصرة",
        "الموصل",
        "عمان",
        "دمشق",
        "بيروت",
        "القاهرة",
        "الرياض",
        "الكويت",
        "تونس",
        "الجزائر",
        "الرباط",
        "طرابلس",
        "الخرطوم",
        "صنعاء",
    ],
    "unseen": ["أربيل", "كركوك", "النجف", "حلب", "حمص", "إربد", "الزرقاء", "صيدا", "طنطا", "أسوان"],
}
ORG_HEADS = ["وزارة", "شركة", "جامعة", "منظمة", "هيئة"]
# Words that stand where names stand («في الأسواق», «قال مصدر»): a slot written {GPE?}
# holds a name or one of these, so the context alone does not give a name away.
DISTRACTORS = [
    "الأسواق",
    "المدينة",
    "العاصمة",
    "مصدر",
    "مسؤول",
    "المنطقة",
    "الاجتماع",
    "البرلمان",
    "الحكومة",
    "الشرطة",
    "الجيش",
    "المستشفى",
    "المطار",
    "الميناء",
    "الوزارة",
    "الجامعة",
    "المعارضة",
    "اللجنة",
]
ORG_NAMES = {
    "seen": [
        "الخارجية",
        "الداخلية",
        "النفط",
        "الاتصالات",
        "الصحة",
        "التجارة",
        "الطيران",
        "الموانئ",
    ],
    "unseen": ["الكهرباء", "الزراعة", "السياحة", "الإسكان", "الرياضة"],
}
TEMPLATES = [
    "قال {PER?} في مؤتمر صحفي إن الوضع مستقر.",
    "وأكد {PER?} أن الحكومة ستواصل جهودها لتحسين الخدمات.",
    "<Contact.Meet:التقى> {PER} نظيره {PER} في {GPE} لبحث التعاون.",
    "وصل {PER} إلى {GPE} في زيارة رسمية تستغرق يومين.",
    "أعلنت {ORG} أنها ستفتح مكتبا جديدا في {GPE?}.",
    "وقالت مصادر في {ORG?} إن المفاوضات مستمرة.",
    "شهدت مدينة {GPE} <Conflict.Demonstrate:احتجاجات> واسعة يوم الجمعة.",
    "وأشار المتحدث باسم {ORG} إلى أن التحقيق لم ينته بعد.",
    "وفي {GPE?} <Contact.Meet:اجتمع> {PER} مع ممثلين عن {ORG}.",
    "وعقد الاجتماع ب{GPE} بحضور {PER} وعدد من المسؤولين.",
    "و{GPE} من أكبر المدن في المنطقة.",
    "وأدان {PER} <Conflict.Attack:الهجوم> الذي استهدف سوقا شعبيا في {GPE?}.",
    "ونقلت {ORG} عن {PER} قوله إن الاتفاق سيوقع قريبا.",
    "وارتفعت أسعار النفط في الأسواق العالمية خلال الأسبوع الماضي.",
    "ويتوقع المراقبون أن تستمر المحادثات عدة أيام.",
    "ولم تصدر أي تعليقات رسمية حتى الآن.",
    "وأوضح التقرير أن عدد الزوار ارتفع بنسبة كبيرة هذا العام.",
]
_SLOT = re.compile(r"\{(PER|GPE|ORG)(\??)\}|<([\w.\-]+):([^>]+)>")


@dataclass(frozen=True)
class GeneratedDocument:
    """A generated article and which of its spans hold names from the unseen pool."""

    document: TrainingDocument
    unseen: frozenset[tuple[int, int]]


def _name(label: str, pool: str, rng: random.Random) -> str:
    if label == "PER":
        return f"{rng.choice(FIRST[pool])} {rng.choice(LAST[pool])}"
    if label == "GPE":
        return rng.choice(PLACES[pool])
    return f"{rng.choice(ORG_HEADS)} {rng.choice(ORG_NAMES[pool])}"


def generate(
    count: int, seed: int, chars: int = 1500, unseen_share: float = 0.0, missed: float = 0.0
) -> list[GeneratedDocument]:
    """``count`` articles of about ``chars`` characters.

    ``unseen_share`` of the names come from the unseen pool; ``missed`` of them are
    left unlabelled, as a hurried annotator would.
    """
    rng = random.Random(seed)
    return [_article(rng, chars, unseen_share, missed, f"gen-{seed}-{n}") for n in range(count)]


def _article(rng: random.Random, chars: int, unseen_share: float, missed: float, doc_id: str):
    text, spans, triggers, unseen = "", [], [], set()
    while len(text) < chars:
        template = rng.choice(TEMPLATES)
        position = 0
        for match in _SLOT.finditer(template):
            text += template[position : match.start()]
            position = match.end()
            if match.group(1) and match.group(2) and rng.random() < 0.4:
                text += rng.choice(DISTRACTORS)
            elif match.group(1):
                pool = "unseen" if rng.random() < unseen_share else "seen"
                name = _name(match.group(1), pool, rng)
                if rng.random() >= missed:  # annotators miss a few names
                    spans.append(Labelled(len(text), len(text) + len(name), match.group(1)))
                if pool == "unseen":
                    unseen.add((len(text), len(text) + len(name)))
                text += name
            else:
                word = match.group(4)
                triggers.append(Labelled(len(text), len(text) + len(word), match.group(3)))
                text += word
        text += template[position:] + (" " if rng.random() < 0.8 else "\n")
    document = TrainingDocument(text.strip(), tuple(spans), tuple(triggers), id=doc_id)
    return GeneratedDocument(document, frozenset(unseen))


def seen_unseen_scores(recommender, held_out: list[GeneratedDocument], training: list):
    """(seen, unseen) Scores of ``recommender``'s entity predictions on ``held_out``.

    A gold name is seen when its text was labelled in a ``training`` document,
    unseen otherwise; a prediction counts towards the unseen group when it
    overlaps no seen gold name (so a wrong guess on an unseen name, or on plain
    words, lowers the unseen precision).
    """
    from annotator.core.recommenders import ItemKind
    from annotator.core.recommenders.evaluation import score

    known = {doc.text[s.start : s.end] for doc in training for s in doc.spans}
    expected: dict[bool, list] = {True: [], False: []}
    predicted: dict[bool, list] = {True: [], False: []}
    for index, item in enumerate(held_out):
        text, seen_ranges = item.document.text, []
        for span in item.document.spans:
            unseen = text[span.start : span.end] not in known
            expected[unseen].append((index, "span", span.start, span.end, span.label))
            if not unseen:
                seen_ranges.append((span.start, span.end))
        for p in recommender.predict(text):
            if p.kind is not ItemKind.SPAN:
                continue
            overlaps_seen = any(p.start < end and start < p.end for start, end in seen_ranges)
            predicted[not overlaps_seen].append((index, "span", p.start, p.end, p.label))
    seen = score(expected[False], predicted[False])[0]
    unseen = score(expected[True], predicted[True])[0]
    return seen, unseen
