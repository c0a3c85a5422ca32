"""Issue 10: comments and docstrings illustrate rules with invented sentences, never with the
example stories' words; the rules they illustrate hold on invented text."""

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
N = 6  # words in a row that make a quotation

pytestmark = pytest.mark.issue(10)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


def _comments_and_docstrings(source: str) -> list[tuple[int, str]]:
    texts = [
        (tok.start[0], tok.string)
        for tok in tokenize.generate_tokens(io.StringIO(source).readline)
        if tok.type == tokenize.COMMENT
    ]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Module):
            doc = ast.get_docstring(node, clean=False)
            if doc:
                texts.append((node.body[0].lineno, doc))
    return texts


def quotations(source: str, stories: str) -> list[tuple[int, str]]:
    """(line, words) of each comment or docstring that has N words in a row of ``stories``."""
    w = _words(stories)
    grams = {tuple(w[i : i + N]) for i in range(len(w) - N + 1)}
    found = []
    for line, text in _comments_and_docstrings(source):
        t = _words(text)
        hit = next(
            (tuple(t[i : i + N]) for i in range(len(t) - N + 1) if tuple(t[i : i + N]) in grams),
            None,
        )
        if hit:
            found.append((line, " ".join(hit)))
    return found


def test_quotation_finder_finds_an_invented_quotation():
    stories = "The harbour council of Velmora voted on Thursday to close the old ferry pier."
    source = '"""Joins a vote: "council of Velmora voted on Thursday to close"."""\n# unrelated\n'
    assert quotations(source, stories) == [(1, "council of velmora voted on thursday")]
    assert quotations("# the council voted\n", stories) == []


def test_no_comment_or_docstring_quotes_the_example_stories():
    stories = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "examples").glob("*.txt"))
    found = {
        f"{path.relative_to(ROOT)}:{line}: {words}"
        for path in sorted((ROOT / "src").rglob("*.py"))
        for line, words in quotations(path.read_text(encoding="utf-8"), stories)
    }
    assert not found, sorted(found)


def test_indirect_speech_and_topic_verbs_on_invented_text():
    """quotes/indirect.py: "The mayor said on the radio that she would resign" is reported
    speech; coding/events/rules.py is_topic: a verb inside "debates about whether to join the
    league" is the topic of talk, no event."""
    import newsevents

    r = newsevents.extract(
        "The mayor of Tarvel said on the radio that she would resign next week. "
        "The ministers of Norway and Sweden held debates about whether to join the league.",
        date="2022-03-08",
    )
    (quote,) = [q for q in r.quotes if q.kind == "indirect"]
    assert quote.quote == "she would resign next week" and "mayor" in quote.speaker.name
    assert "join" not in {e.trigger.text for e in r.events}
