"""Hand-made extraction records for store tests (no spaCy needed). Every offset is computed
from the text (:func:`at`), so each span slices the text to its words as the store demands."""

from newsevents.models import Actor, Article, Event, Extraction, Quote, Span

TEXT = (
    "Turkish Foreign Minister Mevlut Cavusoglu and US Secretary of State Antony Blinken discussed "
    'the conflict on Monday. "We will not attend," a Taliban spokesman said.'
)


def at(text: str, words: str, after: int = 0) -> Span:
    """The span of the first ``words`` in ``text`` at or after ``after``."""
    start = text.index(words, after)
    return Span(words, start, start + len(words))


def make_extraction(
    doc_id: str = "d1", text: str = TEXT, date: str | None = "2021-04-13"
) -> Extraction:
    article = Article(id=doc_id, text=text, date=date, title="Talks")
    tur_at, usa_at = at(text, "Mevlut Cavusoglu"), at(text, "Antony Blinken")
    tur = Actor(
        "Mevlut Cavusoglu",
        "TUR",
        "GOV",
        "TURGOV",
        "mevlut-cavusoglu",
        start=tur_at.start,
        end=tur_at.end,
    )
    usa = Actor(
        "Antony Blinken",
        "USA",
        "GOV",
        "USAGOV",
        "antony-blinken",
        start=usa_at.start,
        end=usa_at.end,
    )
    tal = Actor("Taliban", "AFG", "INS", "AFGINS", "taliban")
    first = at(text, text.split(". ")[0] + ".")
    said = at(text, '"We will not attend,"')
    quoted = Span(said.text[1:-1], said.start + 1, said.end - 1)
    event = Event(
        doc=doc_id,
        sentence=first.text,
        sentence_start=first.start,
        sentence_end=first.end,
        plover="CONSULT",
        cameo="040",
        trigger=at(text, "discussed"),
        source=tur,
        target=usa,
        quad_class=1,
        goldstein=1.0,
        date="2021-04-12",
        date_precision="day",
        id=f"{doc_id}:e0",
    )
    quote = Quote(
        doc=doc_id,
        quote=quoted.text,
        start=quoted.start,
        end=quoted.end,
        speaker=tal,
        channel=None,
        id=f"{doc_id}:q0",
        sentence_start=said.start,
        sentence_end=len(text),
    )
    return Extraction(article=article, events=[event], quotes=[quote])
