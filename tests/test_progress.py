"""Issue 11 (13): progress of long runs: a total when it is known, phases, and chunks of a
huge document, checked on the records the runner reports (no terminal needed)."""

import dataclasses
import json

import pytest

from newsevents.progress import Progress, Reporter, count_documents, describe

pytestmark = pytest.mark.issue(11)

PROSE = "The harbour council of Velmora voted on Thursday to close the old ferry pier. "


def test_total_counts_files_and_json_lines(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(PROSE)
    (tmp_path / "sub" / "b.html").write_text("<p>x</p>")
    (tmp_path / ".hidden.txt").write_text(PROSE)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")  # not a known input: not read, not counted
    lines = [json.dumps({"id": f"r{i}", "text": PROSE}) for i in range(3)]
    (tmp_path / "sub" / "c.jsonl").write_text("\n".join(lines) + "\n\n")
    assert count_documents([tmp_path]) == 2 + 3
    assert count_documents([tmp_path / "a.txt", tmp_path / "missing.txt"]) == 2


def test_total_is_unknown_for_stdin_and_json(tmp_path):
    (tmp_path / "list.json").write_text("[]")
    assert count_documents(["-"]) is None
    assert count_documents([tmp_path]) is None


def test_reporter_never_shows_more_than_the_total():
    seen = []
    r = Reporter(lambda p: seen.append(dataclasses.replace(p)), total=1)
    r.document_read()
    r.document_read()  # the count was short (a file changed since)
    assert seen[-1].total == 2 and seen[-1].phase == "reading"


def test_describe_names_phase_counts_and_chunks():
    p = Progress(phase="parsing", read=4, processed=1, events=7, doc="big.txt", chunk=3, chunks=50)
    assert describe(p) == "parsing (4 read, 1 coded, 0 rejected, 7 events); big.txt: chunk 3/50"
    assert describe(Progress(phase="storylines", read=2)).startswith("storylines")
    assert describe(Progress()) == "counting documents"


def test_run_reports_phases_totals_and_chunks(tmp_path):
    from newsevents.config import current
    from newsevents.runner import RunConfig, run
    from newsevents.store import Store

    (tmp_path / "small.txt").write_text(PROSE * 2)
    (tmp_path / "long.txt").write_text("\n\n".join([PROSE * 3] * 6))
    (tmp_path / "empty.txt").write_text("   ")
    settings = dataclasses.replace(current(), max_chunk_chars=300, stories=True)
    seen: list[Progress] = []
    with Store(tmp_path / "p.db") as store:
        run(
            [tmp_path],
            RunConfig(settings=settings),
            store=store,
            on_progress=lambda p: seen.append(dataclasses.replace(p)),
        )
    phases = [p.phase for p in seen]
    assert phases[0] == "counting" and phases[-1] == "done"
    order = [ph for i, ph in enumerate(phases) if i == 0 or phases[i - 1] != ph]
    assert order[:3] == ["counting", "reading", "parsing"]
    assert "storylines" in phases and phases.index("storylines") > phases.index("parsing")
    assert all(p.total == 3 for p in seen[1:])
    chunks = [(p.chunk, p.chunks) for p in seen if p.doc == "long.txt"]
    assert len(chunks) >= 3 and chunks == sorted(chunks) and chunks[-1][0] < chunks[-1][1]
    assert seen[-1].finished == 3 and seen[-1].rejected == 1
    done = [p.finished for p in seen]
    assert done == sorted(done)  # the bar never goes back
