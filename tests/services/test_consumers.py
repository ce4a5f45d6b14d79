"""The real programs that read our exports judge them: spaCy, seqeval, brat's rules, datasets.

The demo project (real Arabic news, two annotators, entities and events) is
exported in the default training-ready shape and in the full dump; each format
is then read by what training code uses to read it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from annotator.services.demo import create_demo_project
from annotator.services.exporting import ExportFilter, ExportOptions, export_project
from annotator.store import ProjectStore

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402
from spacy.training import offsets_to_biluo_tags  # noqa: E402

FULL = ExportFilter(full_dump=True)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> ProjectStore:
    store = create_demo_project(tmp_path_factory.mktemp("demo") / "demo.annproj")
    yield store
    store.close()


def export(store: ProjectStore, target: Path, **options) -> list[str]:
    report = export_project(store, ExportOptions(**options), target)
    return report.lines()


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def stored_spans(store: ProjectStore) -> dict[tuple[str, str], int]:
    ids = {d.id: d.external_id or d.id for d in store.documents.summaries()}
    return {
        (ids[doc], name): len(rows) for (doc, name), rows in store.interchange.span_rows().items()
    }


# -- spaCy ---------------------------------------------------------------------------


def test_spacy_rebuilds_every_text_and_aligns_every_span(
    demo: ProjectStore, tmp_path: Path
) -> None:
    lines = export(demo, tmp_path / "spacy.jsonl", format="spacy", filter=FULL)
    nlp = spacy.blank("ar")
    records = jsonl(tmp_path / "spacy.jsonl")
    counts = stored_spans(demo)
    for record in records:
        words = [t["text"] for t in record["tokens"]]
        spaces = [t["ws"] for t in record["tokens"]]
        doc = Doc(nlp.vocab, words=words, spaces=spaces)
        assert doc.text == record["text"]  # spaCy's rule: tokens + ws give the text back
        for span in record["spans"]:
            aligned = doc.char_span(span["start"], span["end"], label=span["label"])
            assert aligned is not None, span
            assert (aligned.start, aligned.end - 1) == (span["token_start"], span["token_end"])
        # No span is lost to a token boundary (proclitics: «وتونس»).
        assert len(record["spans"]) == counts.get((record["id"], record["annotator"]), 0)
    assert any("token(s) split at annotation boundaries" in line for line in lines)
    assert not any("left out" in line and "span" in line for line in lines)


def test_spacy_biluo_tags_hold_every_non_overlapping_span(
    demo: ProjectStore, tmp_path: Path
) -> None:
    export(demo, tmp_path / "spacy.jsonl", format="spacy")
    nlp = spacy.blank("ar")
    for record in jsonl(tmp_path / "spacy.jsonl"):
        doc = Doc(
            nlp.vocab, [t["text"] for t in record["tokens"]], [t["ws"] for t in record["tokens"]]
        )
        kept, last_end = [], -1
        for span in sorted(record["spans"], key=lambda s: (s["start"], -s["end"])):
            if span["start"] >= last_end:
                kept.append((span["start"], span["end"], span["label"]))
                last_end = span["end"]
        tags = offsets_to_biluo_tags(doc, kept)
        assert "-" not in tags  # "-" marks an entity spaCy could not align
        assert sum(tag[0] in "BU" for tag in tags) == len(kept)


def test_spacy_tokens_for_bidi_marks_line_breaks_and_double_spaces() -> None:
    from annotator.core.formats.tokenize import tokenize
    from annotator.core.formats.training_tokens import spaced, split_at

    text = "دمشق\u200f إن  الوفد\nوصل \u200e«بغداد»"
    boundaries = {0, 4}  # a mention on «دمشق», without its RLM
    tokens, _ = split_at(tokenize(text), boundaries)
    layout = spaced(text, tokens, boundaries)
    words = [text[a:b] for a, b, _ in layout]
    spaces = [ws for _, _, ws in layout]
    assert Doc(spacy.blank("ar").vocab, words=words, spaces=spaces).text == text
    assert "دمشقإن" not in "".join(w + " " * s for w, s in zip(words, spaces, strict=True))
    assert words[:2] == ["دمشق", "\u200f"]  # the boundary keeps the mark off the mention
    assert "\n" in words and " " in words  # a line break and a second space are tokens
    assert "\u200e«" in words  # otherwise a mark stays on the unit it touches
    layout = spaced(text, tokenize(text), set())
    assert text[layout[0][0] : layout[0][1]] == "دمشق\u200f"


@pytest.mark.slow
def test_a_docbin_from_the_export_trains_a_blank_ner(demo: ProjectStore, tmp_path: Path) -> None:
    from spacy.tokens import DocBin
    from spacy.training import Example

    export(demo, tmp_path / "spacy.jsonl", format="spacy")
    nlp = spacy.blank("ar")
    docs = DocBin()
    for record in jsonl(tmp_path / "spacy.jsonl"):
        doc = Doc(
            nlp.vocab, [t["text"] for t in record["tokens"]], [t["ws"] for t in record["tokens"]]
        )
        spans = [doc.char_span(s["start"], s["end"], label=s["label"]) for s in record["spans"]]
        doc.ents = spacy.util.filter_spans(spans)
        docs.add(doc)
    docs.to_disk(tmp_path / "train.spacy")
    gold = list(DocBin().from_disk(tmp_path / "train.spacy").get_docs(nlp.vocab))
    ner = nlp.add_pipe("ner")
    for doc in gold:
        for ent in doc.ents:
            ner.add_label(ent.label_)
    examples = [Example(nlp.make_doc(doc.text), doc) for doc in gold]
    spacy.util.fix_random_seed(0)
    optimizer = nlp.initialize(lambda: examples)
    losses: list[float] = []
    for _ in range(12):
        step: dict[str, float] = {}
        nlp.update(examples, sgd=optimizer, losses=step)
        losses.append(step["ner"])
    assert len(gold) >= 4 and all(loss > 0 for loss in losses)
    assert sum(losses[-3:]) < sum(losses[:3])  # it learns from the exported gold


# -- CoNLL and seqeval ----------------------------------------------------------------


def conll_sentences(path: Path) -> list[list[tuple[str, str]]]:
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            continue
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
        else:
            token, tag = line.split("\t")
            current.append((token, tag))
    return sentences + ([current] if current else [])


def test_conll_is_strict_iob2_for_seqeval(demo: ProjectStore, tmp_path: Path) -> None:
    from seqeval.metrics.sequence_labeling import get_entities
    from seqeval.scheme import IOB2, Entities

    export(demo, tmp_path / "out.conll", format="conll")
    tags = [[tag for _, tag in sentence] for sentence in conll_sentences(tmp_path / "out.conll")]
    strict = Entities(tags, IOB2).entities
    assert sum(map(len, strict)) == len(get_entities(tags)) > 20
    assert sum(tag.startswith("B-") for sentence in tags for tag in sentence) == len(
        get_entities(tags)
    )


def test_a_mention_across_a_line_break_keeps_its_sentence_whole(
    project: ProjectStore, tmp_path: Path
) -> None:
    from seqeval.metrics.sequence_labeling import get_entities

    from tests.services.test_training_exports import add_done

    text = "وصل وفد جامعة\nالدول العربية إلى بغداد."
    add_done(project, text, [("جامعة\nالدول العربية", "ORG"), ("بغداد", "GPE")])
    export(project, tmp_path / "out.conll", format="conll")
    sentences = conll_sentences(tmp_path / "out.conll")
    tags = [[tag for _, tag in s] for s in sentences]
    assert [entity[0] for entity in get_entities(tags)] == ["ORG", "GPE"]
    assert len(tags) == 1 and tags[0][0] == "O"  # one sentence: the break did not cut


def test_spacy_convert_reads_one_document_per_record_without_junk(
    demo: ProjectStore, tmp_path: Path
) -> None:
    from spacy.training.converters import conll_ner_to_docs

    summary = export(demo, tmp_path / "out.conll", format="conll")[0]
    text = (tmp_path / "out.conll").read_text(encoding="utf-8")
    docs = list(conll_ner_to_docs(text, n_sents=0, no_print=True))
    assert summary == "exported 7 record(s)"  # the demo's documents someone finished
    assert len(docs) == text.count("-DOCSTART- -X- O O") == 7
    assert all(len(doc) > 20 for doc in docs)  # no one-token "-DOCSTART-" documents
    export(demo, tmp_path / "bare.conll", format="conll", docstart="none")
    assert "DOCSTART" not in (tmp_path / "bare.conll").read_text(encoding="utf-8")


# -- brat -------------------------------------------------------------------------------

BRAT_NAME = r"[A-Za-z0-9_-]+"
T_LINE = re.compile(rf"T\d+\t({BRAT_NAME}) \d+ \d+(?:;\d+ \d+)*\t[^\t\n]*")
E_LINE = re.compile(rf"E\d+\t({BRAT_NAME}):T\d+((?: {BRAT_NAME}:[TE]\d+)*)")


def brat_conf(path: Path) -> tuple[set[str], dict[str, set[str]]]:
    section, entities, events = "", set(), {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            section = line
        elif line.strip() and section == "[entities]":
            assert re.fullmatch(BRAT_NAME, line), line
            entities.add(line)
        elif line.strip() and section == "[events]":
            name, _, roles = line.partition("\t")
            assert re.fullmatch(BRAT_NAME, name), name
            events[name] = set()
            for role in filter(None, roles.split(", ")):
                match = re.fullmatch(
                    rf"({BRAT_NAME})\*:((?:{BRAT_NAME}|<ENTITY>)(?:\|{BRAT_NAME})*)", role
                )
                assert match, role
                events[name].add(match.group(1))
    return entities, events


def test_brat_export_obeys_brat_naming_and_annotation_grammar(
    demo: ProjectStore, tmp_path: Path
) -> None:
    export(demo, tmp_path / "brat", format="brat", filter=FULL)
    entities, events = brat_conf(tmp_path / "brat" / "annotation.conf")
    assert "Contact-Meet" in events and "Conflict-Attack" in events
    triggers = arguments = 0
    for ann in (tmp_path / "brat").glob("*/*.ann"):
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        t_types = {}
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                match = T_LINE.fullmatch(line)
                assert match, line
                t_types[line.split("\t")[0]] = match.group(1)
                offsets = line.split("\t")[1].split(" ", 1)[1]
                for fragment in offsets.split(";"):
                    start, end = map(int, fragment.split())
                    assert "\n" not in text[start:end]
            else:
                match = E_LINE.fullmatch(line)
                assert match, line
                assert match.group(1) in events  # brat knows every trigger's type
                triggers += 1
                for part in match.group(2).split():
                    role, target = part.split(":")
                    assert re.sub(r"\d+$", "", role) in events[match.group(1)]
                    assert t_types[target] in entities
                    arguments += 1
        assert set(t_types.values()) <= entities | set(events)
    assert triggers > 30 and arguments > 100


# -- Hugging Face datasets ----------------------------------------------------------------


@pytest.fixture
def offline_datasets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    datasets = pytest.importorskip("datasets")
    datasets.disable_progress_bars()
    return datasets


def test_datasets_loads_the_hf_export_for_token_classification(
    demo: ProjectStore, tmp_path: Path, offline_datasets
) -> None:
    datasets = offline_datasets
    export(demo, tmp_path / "hf", format="hf", split="train=0.5,validation=0.25,test=0.25", seed=3)
    labels = json.loads((tmp_path / "hf" / "labels.json").read_text(encoding="utf-8"))
    features = datasets.Features(
        {
            "id": datasets.Value("string"),
            "doc_id": datasets.Value("string"),
            "sent_id": datasets.Value("int64"),
            "annotator": datasets.Value("string"),
            "tokens": datasets.Sequence(datasets.Value("string")),
            "ner_tags": datasets.Sequence(datasets.ClassLabel(names=labels["names"])),
        }
    )
    files = {
        name: str(tmp_path / "hf" / f"{name}.jsonl") for name in ("train", "validation", "test")
    }
    loaded = datasets.load_dataset(
        "json", data_files=files, features=features, cache_dir=str(tmp_path / "cache")
    )
    assert set(loaded) == {"train", "validation", "test"}
    documents = [set(loaded[name]["doc_id"]) for name in loaded]
    assert sum(map(len, documents)) == 7 and not set.intersection(*documents)
    row = loaded["train"][0]
    assert len(row["tokens"]) == len(row["ner_tags"])
    tag_names = loaded["train"].features["ner_tags"].feature.names
    assert tag_names == labels["names"] and labels["id2label"]["1"] == tag_names[1]
    assert any(tag > 0 for name in loaded for tags in loaded[name]["ner_tags"] for tag in tags)


def test_datasets_loads_the_spacy_export_of_the_full_dump(
    demo: ProjectStore, tmp_path: Path, offline_datasets
) -> None:
    export(demo, tmp_path / "spacy.jsonl", format="spacy", filter=FULL)
    loaded = offline_datasets.load_dataset(
        "json", data_files=str(tmp_path / "spacy.jsonl"), cache_dir=str(tmp_path / "cache")
    )["train"]
    assert loaded.num_rows == len(jsonl(tmp_path / "spacy.jsonl"))
    export(demo, tmp_path / "training.jsonl", format="spacy")
    loaded = offline_datasets.load_dataset(
        "json", data_files=str(tmp_path / "training.jsonl"), cache_dir=str(tmp_path / "cache2")
    )["train"]
    assert loaded.features["annotator"].dtype == "string"
    assert None not in loaded["annotator"]
