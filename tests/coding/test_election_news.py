"""Election-news error classes (issue 12, 12c) on invented sentences, with the real actor
coder: speculation and campaign what-ifs, poll results, datelines as actors, apologies."""

import pytest

from newsevents.coding.actors import find_actors
from newsevents.coding.events import code_events
from newsevents.coding.events.modality import is_intent, modality_of
from newsevents.data import load_tsv
from newsevents.nlp import parse_text

pytestmark = pytest.mark.issue(12)


def events(text: str):
    parsed = parse_text(text)
    return code_events(parsed, find_actors(parsed))


def token(text: str, word: str):
    doc = parse_text(text).chunks[0][1]
    return next(t for t in doc if t.text == word)


def test_counterfactual_would_have_is_hypothetical_not_intent():
    tok = token("The mayor would have faced fines from the province.", "faced")
    assert modality_of(tok) == "hypothetical"


def test_campaign_if_clause_on_the_source_is_hypothetical():
    tok = token("If elected, Senator Okafor would impose sanctions on Ruritania.", "impose")
    assert modality_of(tok) == "hypothetical"
    found = events("If elected, Senator Okafor would impose sanctions on Ruritania.")
    assert all(e.plover != "THREATEN" for e in found)


def test_condition_put_to_another_side_stays_a_threat():
    tok = token(
        "If Ruritania does not withdraw its troops, Germany will impose sanctions.", "impose"
    )
    assert modality_of(tok) == "planned" and is_intent(tok)


def test_wish_is_speculation_and_scored_below_the_deed():
    wish = events("Senator Okafor wants to ban imports from Ruritania.")
    deed = events("Senator Okafor banned imports from Ruritania.")
    assert all(e.modality == "hypothetical" for e in wish)
    assert deed and all(e.confidence < max(d.confidence for d in deed) - 0.1 for e in wish)


def test_asserted_ban_is_still_coded():
    found = events("Ruritania banned imports from Germany on Monday.")
    assert found and all(e.modality == "asserted" for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "Governor Lindqvist won the backing of 45 percent of voters in the latest poll.",
        "A new survey found that 40 percent support Governor Lindqvist.",
        "Governor Lindqvist captured the support of voters in the poll released on Sunday.",
    ],
)
def test_poll_results_are_no_events(text):
    assert [e.plover for e in events(text) if e.plover in {"SUPPORT", "COERCE", "AGREE"}] == []


def test_endorsement_without_a_poll_stays_support():
    found = events("Governor Lindqvist endorsed Senator Okafor on Tuesday.")
    assert "SUPPORT" in [e.plover for e in found]


@pytest.mark.parametrize(
    "text",
    [
        "PARIS (AP) -- Italy accused Germany of breaking the treaty on Monday.",
        "BERLIN, Germany — Italy accused France of breaking the treaty on Monday.",
    ],
)
def test_dateline_place_is_no_source(text):
    found = events(text)
    assert found
    dateline = text.split(" ")[0].rstrip(",").lower()
    for e in found:
        assert e.source is None or (e.source.text or "").lower() != dateline
        assert e.target is None or (e.target.text or "").lower() != dateline


def test_apology_follows_the_cameo_to_plover_reference():
    # CAMEO 055 (Apologize) is SUPPORT in the PLOVER crosswalk (../shared/reference,
    # CAMEO2PLOVER-2021): the project's mapping follows it; the row must stay there.
    rows = {r["cameo"]: r for r in load_tsv("plover/cameo2plover.tsv")}
    assert rows["055"]["plover"] == "SUPPORT"
