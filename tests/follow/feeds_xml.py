"""Feed documents written by the tests: RSS 2.0, RSS 1.0 (RDF), Atom 1.0, OPML, and article
pages of invented text."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

PEOPLE = [
    ("The foreign minister of Norway", "the president of Kenya", "Nairobi"),
    ("The prime minister of Canada", "the chancellor of Austria", "Vienna"),
    ("The defence minister of Chile", "the army chief of Peru", "Lima"),
    ("The president of Ghana", "the king of Morocco", "Rabat"),
    ("The trade minister of Japan", "the finance minister of Brazil", "Brasilia"),
    ("The interior minister of Poland", "the prime minister of Latvia", "Riga"),
    (
        "The governor of the central bank of Mexico",
        "the treasury secretary of Argentina",
        "Buenos Aires",
    ),
    ("The president of Finland", "the president of Estonia", "Tallinn"),
]
TOPICS = [
    "a new water sharing agreement for the border rivers",
    "closer cooperation on fisheries and coastal patrols",
    "the release of detained journalists and aid workers",
    "a joint plan to rebuild roads damaged by floods",
    "tariffs on steel, grain and fertiliser imports",
    "a ceasefire along the disputed northern frontier",
]


@dataclass
class Item:
    path: str  # article page path on the local server
    title: str
    summary: str
    date: str  # RFC 822 for RSS, ISO for Atom: both derived from day
    day: str  # YYYY-MM-DD


def article_text(n: int, revision: int = 0) -> tuple[str, list[str]]:
    """Title and paragraphs of invented article n (distinct wording per n)."""
    who, whom, city = PEOPLE[n % len(PEOPLE)]
    topic = TOPICS[n % len(TOPICS)]
    title = f"{who.split(' of ')[-1]} and {whom.split(' of ')[-1]} talk about {topic.split()[1]} (report {n})"
    paras = [
        f"{who} met {whom} in {city} on Tuesday to discuss {topic}, officials said.",
        f"Talks number {n} lasted for {n + 2} hours and both sides described them as frank and useful.",
        f"{whom.capitalize()} said the government would send a delegation of {n + 3} experts next month.",
        f"Opposition leaders criticised the meeting and demanded that parliament review case {n * 7 + 1}.",
    ]
    if revision:
        paras.append(
            f"Update {revision}: {who.lower()} later announced that a second round of talks would follow in {city}."
        )
    return title, paras


def article_html(n: int, revision: int = 0, day: str = "2024-03-05") -> bytes:
    title, paras = article_text(n, revision)
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paras)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title>"
        f"<meta property='article:published_time' content='{day}T08:00:00Z'>"
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{escape(title)}</h1>{body}</article>"
        "<footer>Invented News Service</footer></body></html>"
    ).encode()


def make_item(n: int, day: str = "2024-03-05", path: str | None = None) -> Item:
    title, paras = article_text(n)
    y, m, d = day.split("-")
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    rfc = f"Tue, {d} {months[int(m) - 1]} {y} 08:00:00 +0000"
    return Item(path or f"/news/{n}.html", title, paras[0] + " " + paras[1], rfc, day)


def rss20(base: str, items: list[Item], title: str = "Invented World News") -> bytes:
    entries = "".join(
        f"<item><title>{escape(i.title)}</title><link>{base}{i.path}?utm_source=rss&amp;utm_medium=feed</link>"
        f"<guid isPermaLink='false'>{escape(i.path)}</guid><pubDate>{i.date}</pubDate>"
        f"<description>{escape(i.summary)}</description></item>"
        for i in items
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>{escape(title)}</title><link>{base}/</link><description>test</description>"
        f"{entries}</channel></rss>"
    ).encode()


def rss10(base: str, items: list[Item], title: str = "Invented RDF News") -> bytes:
    seq = "".join(f"<rdf:li rdf:resource='{base}{i.path}'/>" for i in items)
    entries = "".join(
        f"<item rdf:about='{base}{i.path}'><title>{escape(i.title)}</title>"
        f"<link>{base}{i.path}</link><description>{escape(i.summary)}</description>"
        f"<dc:date>{i.day}T08:00:00Z</dc:date></item>"
        for i in items
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?>"
        "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'"
        " xmlns='http://purl.org/rss/1.0/' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
        f"<channel rdf:about='{base}/rdf'><title>{escape(title)}</title><link>{base}/</link>"
        f"<description>test</description><items><rdf:Seq>{seq}</rdf:Seq></items></channel>"
        f"{entries}</rdf:RDF>"
    ).encode()


def atom(
    base: str, items: list[Item], title: str = "Invented Atom News", updated: str = ""
) -> bytes:
    entries = "".join(
        f"<entry><title>{escape(i.title)}</title><link rel='alternate' href='{base}{i.path}#top'/>"
        f"<id>tag:invented,2024:{escape(i.path)}</id><updated>{updated or i.day + 'T08:00:00Z'}</updated>"
        f"<published>{i.day}T08:00:00Z</published>"
        f"<summary>{escape(i.summary)}</summary></entry>"
        for i in items
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>{escape(title)}</title><id>tag:invented,2024:feed</id>"
        f"<updated>2024-03-05T08:00:00Z</updated>{entries}</feed>"
    ).encode()


def opml(feeds: list[tuple[str, str]]) -> str:
    outlines = "".join(
        f"<outline type='rss' text='{escape(t)}' title='{escape(t)}' xmlUrl='{escape(u)}'/>"
        for u, t in feeds
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><opml version='2.0'><head><title>subs</title></head>"
        f"<body><outline text='World'>{outlines}</outline>"
        "<outline text='no feed here'/></body></opml>"
    )
