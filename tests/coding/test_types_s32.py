"""Session 32's type checks (issue 12, types) on invented sentences, with the real actor
coder and the rule stage: campaign ads, feelings held, praise or blame in a passive with no
one doing it, a name refused and a threat to skip a campaign gathering tell no event."""

import pytest

from tests.coding.rules import types

pytestmark = pytest.mark.issue(12)


def test_a_campaign_ad_is_a_campaign_act():
    assert "SUPPORT" not in types("Senator Ada Marsh unveiled her first campaign ad on Monday.")
    text = (
        "The committee ran commercials praising Senator Ada Marsh and attacking Governor Ben Ortiz."
    )
    assert not {"SUPPORT", "ACCUSE", "ASSAULT"} & set(types(text))
    # a senator's own attack stays
    assert "ACCUSE" in types("Senator Ada Marsh attacked Governor Ben Ortiz over the budget.")


def test_a_feeling_held_is_no_event():
    assert "SUPPORT" not in types("Governor Ben Ortiz has long admired the Ruritanian president.")
    # praise told as done stays
    assert "SUPPORT" in types("Governor Ben Ortiz praised the Ruritanian president on Monday.")


def test_praise_or_blame_with_no_one_doing_it_is_generic():
    assert "ACCUSE" not in types(
        "Senator Ada Marsh was lambasted as an insider in a year of anger."
    )
    # with a doer it stays
    assert "ACCUSE" in types("Senator Ada Marsh was criticized by Governor Ben Ortiz for the vote.")


def test_a_name_refused_is_a_statement():
    text = "The ministry was refusing to call the bombing at the market an act of terrorism."
    assert "REJECT" not in types(text)
    assert "REJECT" in types("The rebels refused to release the hostages.")


def test_a_threat_to_skip_a_debate_is_a_campaign_act():
    text = "Governor Ben Ortiz threatened not to appear at the televised debate in Reno in May."
    assert "THREATEN" not in types(text)
    assert "THREATEN" not in types("Senator Ada Marsh threatened to skip the convention.")
    # a threat of harm to a rally stays
    assert "THREATEN" in types("Militants threatened to storm the rally in the capital.")
