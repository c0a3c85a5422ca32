from newsevents.nlp import parse_text
from newsevents.quotes.channels import find_channel
from newsevents.quotes.lexicon import lexicon


def channel_of(nlp, text: str, verb: str) -> str | None:
    doc = parse_text(text, nlp).chunks[0][1]
    (v,) = [t for t in doc if t.text == verb]
    return find_channel(list(doc), v, lexicon())


def test_channels_longest_phrase_wins(nlp):
    assert channel_of(nlp, "He said in a text message.", "said") == "text message"
    assert channel_of(nlp, "She said at a news conference.", "said") == "press conference"


def test_channels_verb_names_its_channel(nlp):
    assert channel_of(nlp, "The minister tweeted.", "tweeted") == "Twitter"


def test_channels_handle_means_twitter(nlp):
    assert channel_of(nlp, "He said, tagging @SecState.", "said") == "Twitter"


def test_channels_none_without_channel_words(nlp):
    assert channel_of(nlp, "He said on Monday.", "said") is None
