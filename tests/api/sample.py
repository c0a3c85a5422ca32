"""A small hand-made store for API and web tests (no spaCy): two reports of one storyline
(one dated, one undated), a third story with conflict events, and a hostile document."""

from __future__ import annotations

from pathlib import Path

from newsevents.models import Actor, Article, Event, Extraction, Quote
from newsevents.store import Store
from newsevents.store import stories as story_sql

SCRIPT = "<script>window.__pwned = 1</script>"

TEXT_A = (
    "Top diplomats of Turkey and the US held talks on Afghanistan.\n\n"
    "During Monday's phone call, Turkish Foreign Minister Mevlut Cavusoglu and US Secretary "
    "of State Antony Blinken discussed the peace process.\n\n"
    "The Afghan government announced on Sunday that a peace strategy was finalised.\n\n"
    '"It was a useful call," Cavusoglu said on Twitter.'
)
TEXT_B = (
    "Khalilzad heads for Turkey and Qatar.\n\n"
    "US envoy Zalmay Khalilzad will meet Turkish officials in Ankara to discuss the peace talks."
)
TEXT_C = (
    "Israeli aircraft struck targets in Gaza on May 10.\n\n"
    "Hamas fired rockets at Israel on May 11.\n\n"
    "Israel again struck Gaza in June."
)
TEXT_D = f"Police clashed with protesters {SCRIPT} in the square.\n\n<b>Bold</b> & 'quoted' text."

TUR = dict(
    name="Mevlut Cavusoglu", country="TUR", sector="GOV", code="TURGOV", id="mevlut-cavusoglu"
)
USA = dict(name="Antony Blinken", country="USA", sector="GOV", code="USAGOV", id="antony-blinken")
KHA = dict(
    name="Zalmay Khalilzad", country="USA", sector="GOV", code="USAGOV", id="zalmay-khalilzad"
)
TURO = dict(name="Turkish officials", country="TUR", sector="GOV", code="TURGOV", id="turkey-gov")
AFG = dict(
    name="Afghan government", country="AFG", sector="GOV", code="AFGGOV", id="afghanistan-gov"
)
ISR = dict(name="Israel", country="ISR", sector=None, code="ISR", id="israel")
PSE = dict(name="Hamas", country="PSE", sector="REB", code="PSEREB", id="hamas")
GAZ = dict(name="Gaza", country="PSE", sector=None, code="PSE", id="gaza")
CVL = dict(name="Protesters", country=None, sector="CVL", code="CVL", id="protesters")
COP = dict(name="Police", country=None, sector="COP", code="COP", id="police")


def actor(text: str, words: str, spec: dict) -> Actor:
    start = text.index(words)
    return Actor(**spec, text=words, start=start, end=start + len(words))


def event(doc: str, text: str, n: int, sentence: str, trigger: str, src, tgt, **kw) -> Event:
    s = text.index(sentence)
    t = text.index(trigger, s)
    date_words = kw.pop("date_words", None)
    span = None
    if date_words:
        d = text.index(date_words, s)
        span = {"text": date_words, "start": d, "end": d + len(date_words)}
    return Event(
        doc=doc, sentence=sentence, sentence_start=s, sentence_end=s + len(sentence),
        trigger={"text": trigger, "start": t, "end": t + len(trigger)},
        source=src, target=tgt, date_span=span, id=f"{doc}:e{n}", **kw,
    )  # fmt: skip


def extractions() -> list[Extraction]:
    a = Article(
        id="turkey-us",
        text=TEXT_A,
        title="Turkey and US discuss Afghan peace",
        date="2021-04-13",
        source="AA",
    )
    s1 = TEXT_A.split("\n\n")[1]
    s2 = TEXT_A.split("\n\n")[2]
    ea = [
        event("turkey-us", TEXT_A, 0, s1, "phone call", actor(TEXT_A, "Mevlut Cavusoglu", TUR),
              actor(TEXT_A, "Antony Blinken", USA), plover="CONSULT", cameo="040", quad_class=1,
              goldstein=1.0, date="2021-04-12", date_precision="day", date_words="Monday"),
        event("turkey-us", TEXT_A, 1, s2, "announced", actor(TEXT_A, "Afghan government", AFG), None,
              plover="AGREE", cameo="010", quad_class=1, goldstein=0.0, date="2021-04-11",
              date_precision="day", date_words="Sunday"),
    ]  # fmt: skip
    qstart = TEXT_A.index('"It was')
    qa = [Quote(doc="turkey-us", quote="It was a useful call,", start=qstart + 1, end=qstart + 22,
                speaker=actor(TEXT_A, "Cavusoglu said", TUR), id="turkey-us:q0",
                verb={"text": "said", "start": TEXT_A.index("said"), "end": TEXT_A.index("said") + 4})]  # fmt: skip
    qa[0].speaker.end = qa[0].speaker.start + len("Cavusoglu")
    b = Article(
        id="khalilzad", text=TEXT_B, title="Khalilzad heads for Turkey and Qatar", date=None
    )
    sb = TEXT_B.split("\n\n")[1]
    eb = [
        event("khalilzad", TEXT_B, 0, sb, "meet", actor(TEXT_B, "Zalmay Khalilzad", KHA),
              actor(TEXT_B, "Turkish officials", TURO), plover="CONSULT", cameo="043",
              quad_class=1, goldstein=2.8, modality="planned"),
    ]  # fmt: skip
    c = Article(id="gaza", text=TEXT_C, title="Strikes on Gaza", date="2021-06-20", source="Wire")
    sc = TEXT_C.split("\n\n")
    ec = [
        event("gaza", TEXT_C, 0, sc[0], "struck", actor(TEXT_C, "Israeli aircraft", ISR),
              actor(TEXT_C, "Gaza", GAZ), plover="ASSAULT", cameo="195", quad_class=4,
              goldstein=-10.0, date="2021-05-10", date_precision="day", date_words="May 10"),
        event("gaza", TEXT_C, 1, sc[1], "fired", actor(TEXT_C, "Hamas", PSE),
              actor(TEXT_C, "Israel on", ISR), plover="ASSAULT", cameo="190", quad_class=4,
              goldstein=-10.0, date="2021-05-11", date_precision="day", date_words="May 11"),
        event("gaza", TEXT_C, 2, sc[2], "struck", actor(TEXT_C, "Israel again", ISR),
              actor(TEXT_C, "Gaza in", GAZ), plover="ASSAULT", cameo="190", quad_class=4,
              goldstein=-8.0, date="2021-06-01", date_end="2021-06-30", date_precision="month",
              date_words="June"),
    ]  # fmt: skip
    d = Article(id="hostile", text=TEXT_D, title=f"Riot {SCRIPT}", date="2021-05-02")
    sd = TEXT_D.split("\n\n")[0]
    ed = [
        event("hostile", TEXT_D, 0, sd, "clashed", actor(TEXT_D, "Police", COP),
              actor(TEXT_D, "protesters", CVL), plover="ASSAULT", cameo="180", quad_class=4,
              goldstein=-9.0, date="2021-05-01", date_precision="day"),
    ]  # fmt: skip
    return [
        Extraction(article=a, events=ea, quotes=qa),
        Extraction(article=b, events=eb),
        Extraction(article=c, events=ec),
        Extraction(article=d, events=ed),
    ]


STORIES = {"turkey-us": "story-1", "khalilzad": "story-1", "gaza": "story-2", "hostile": "story-3"}
LABELS = {"story-1": "Turkey, Afghanistan, Khalilzad", "story-2": "Gaza, Israel", "story-3": "Riot"}


def build(path: Path) -> Path:
    """Write the sample store at ``path`` with fixed storylines (no clusterer involved)."""
    with Store(path) as store:
        store.add(extractions())
        with store.db.transaction():
            story_sql.set_document_stories(store, STORIES)
            story_sql.save_stories(store, LABELS)
    return path
