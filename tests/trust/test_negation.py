"""Issue 11 (5): a refusal is an asserted REJECT, never shown as "NOT REJECT"; an event that
did not happen stays negated and aggregates say how they treat it."""

import pytest

import newsevents

pytestmark = pytest.mark.issue(11)


@pytest.mark.parametrize(
    "text",
    [
        "Iran's foreign minister said on Monday that Iran can't take part in the conference "
        "with France in Geneva.",
        "Iran refused to attend the talks with France in Geneva on Monday.",
        "Iran did not attend the talks with France in Geneva on Monday.",
    ],
)
def test_refusal_is_an_asserted_reject(nlp, text):
    events = newsevents.extract(text, date="2021-04-13").events
    rejects = [e for e in events if e.plover == "REJECT"]
    assert rejects, [(e.plover, e.negated) for e in events]
    assert all(not e.negated and e.modality == "asserted" for e in rejects)
    assert not any(e.negated and e.plover == "REJECT" for e in events)


def test_refusal_counts_in_dyads(nlp, tmp_path):
    from newsevents.models import Extraction
    from newsevents.store import Store

    x = newsevents.extract(
        "Iran refused to attend the talks with France in Geneva on Monday.",
        date="2021-04-13",
        doc_id="r",
    )
    with Store(tmp_path / "s.db") as store:
        store.add([Extraction(article=x.article, events=x.events, quotes=x.quotes)])
        rows = store.dyads(by="day")
    assert sum(r["events"] for r in rows) >= 1 and any(r["q3"] for r in rows)
