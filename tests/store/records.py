"""Hand-made extraction records for store tests (no spaCy needed)."""

from newsevents.models import Actor, Article, Event, Extraction, Quote

TEXT = (
    "Turkish Foreign Minister Mevlut Cavusoglu and US Secretary of State Antony Blinken discussed "
    'the conflict on Monday. "We will not attend," a Taliban spokesman said.'
)


def make_extraction(
    doc_id: str = "d1", text: str = TEXT, date: str | None = "2021-04-13"
) -> Extraction:
    article = Article(id=doc_id, text=text, date=date, title="Talks")
    tur = Actor("Mevlut Cavusoglu", "TUR", "GOV", "TURGOV", "mevlut-cavusoglu", start=25, end=41)
    usa = Actor("Antony Blinken", "USA", "GOV", "USAGOV", "antony-blinken", start=72, end=86)
    tal = Actor("Taliban", "AFG", "INS", "AFGINS", "taliban")
    event = Event(
        doc=doc_id,
        sentence=text[:117],
        sentence_start=0,
        sentence_end=117,
        plover="CONSULT",
        cameo="040",
        trigger={"text": "discussed", "start": 87, "end": 96},
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
        quote="We will not attend,",
        start=119,
        end=138,
        speaker=tal,
        channel=None,
        id=f"{doc_id}:q0",
        sentence_start=118,
        sentence_end=len(text),
    )
    return Extraction(article=article, events=[event], quotes=[quote])
