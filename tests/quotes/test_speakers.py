from newsevents.quotes.lexicon import lexicon
from newsevents.quotes.speakers import name_relation


def test_speakers_name_relation():
    lex = lexicon()
    assert name_relation("Khalilzad", "Zalmay Khalilzad", lex) == "same"
    assert name_relation("Boris Yeltsin", "President Yeltsin", lex) == "same"
    assert name_relation("Joe Biden", "Joseph R. Biden", lex) == "same"
    assert name_relation("Juan Miguel Gonzalez", "Girlyn Miguel", lex) == "other"
    assert name_relation("Jalal Ebrahim", "Murad Ebrahim", lex) == "other"
    assert name_relation("Bernard Tolbert", "Federal Bureau of Investigation", lex) == "unrelated"
