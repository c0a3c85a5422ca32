"""Six invented articles with no political event in them (sports, business, weather, culture,
science, an obituary) give at most 3 events in all (issue 12, "Done when"): the words of a
game, a market, a storm or a life story ("beat", "attack", "fight", "deal", "support",
"asked", "killed") are no political events."""

import pytest

from newsevents.models import Article
from newsevents.pipeline import process_articles

pytestmark = [pytest.mark.issue(12), pytest.mark.slow]

SPORTS = (
    "Harbor City beat the Northfield Rangers 3-1 on Saturday to move within two points of the "
    "top of the league. The visitors attacked from the opening whistle, and striker Tomas Reyes "
    "shot past the keeper after eleven minutes. The Rangers fought back before the break, when "
    "their captain headed in a corner, but Harbor City killed the game off in the second half "
    'with two goals in five minutes. "We asked the players to press high and they gave '
    'everything," coach Ellen Marsh said after the match. "The fans supported us all the way." '
    "The Rangers' manager, Paul Okafor, said his side had been beaten by a better team and "
    "promised a response next week. Harbor City travel to Westbrook on Wednesday, while the "
    "Rangers host the league leaders on Sunday. More than 30,000 fans watched the match, the "
    "biggest crowd of the season."
)
BUSINESS = (
    "Brightwell Foods agreed on Monday to buy the snack maker Crumb & Co for $1.2 billion, the "
    "latest deal in a busy year for the packaged-food industry. Brightwell's chief executive, "
    "Dana Kowalski, said the purchase would help the company fight rising costs and attack new "
    "markets in Asia. Shares of Crumb & Co jumped 18 percent, while Brightwell's stock fell 2 "
    "percent. Analysts asked whether the company was paying too much, and one called the price "
    "steep. The two companies met several times over the summer before the board approved the "
    "offer, people familiar with the talks said. Brightwell expects to cut about 300 jobs after "
    "the merger and to close a factory in Ohio. The deal is expected to close early next year. "
    "Crumb & Co, founded in 1952, sells its crackers in 40 countries and employs 4,000 people."
)
WEATHER = (
    "A powerful storm swept across the coast overnight, knocking out power to more than 200,000 "
    "homes and flooding roads in several towns. Winds of up to 90 miles an hour tore roofs from "
    "houses and brought down trees, and two people were killed when a tree fell on their car, "
    "the fire department said. Forecasters warned that more heavy rain would hit the region on "
    "Tuesday and urged drivers to stay off the roads. Schools in three counties closed for the "
    "day. Crews worked through the night to restore power, and the utility said most customers "
    "should have electricity back by Wednesday. Rivers were expected to rise above flood stage "
    'by the weekend. "This storm attacked us from every side," said one resident, who spent '
    "the night bailing water from her basement."
)
CULTURE = (
    "The novelist Margaret Ellison won this year's Harrow Prize for fiction on Thursday for "
    "her book about three sisters running a failing orchard. The judges praised the novel's "
    "patience and humour, and the chair of the panel said it had beaten a strong shortlist. "
    'Ellison, 61, thanked her publisher and her late husband in a short speech. "I asked '
    'myself for ten years whether anyone would read it," she said. The film director Ravi '
    "Menon has bought the rights and plans to shoot the adaptation next spring in the valley "
    "where the story is set. The prize, worth $50,000, is given each year to a novel written in "
    "English. Last year's winner, the poet Samuel Idowu, presented the award, and the audience "
    "gave the author a standing ovation."
)
SCIENCE = (
    "Astronomers have found a planet about the size of Earth orbiting a small star 40 light "
    "years away, a team at the Marlow Observatory reported on Wednesday. The planet circles its "
    "star every nine days and may be warm enough for liquid water, the researchers said. The "
    "team used a new telescope camera that detects tiny dips in a star's light when a planet "
    'passes in front of it. "We asked a simple question and the data gave a clear answer," '
    "said Dr. Helen Park, who led the study. Other scientists welcomed the result but warned "
    "that the planet's atmosphere had not yet been measured. The team plans to observe the "
    "star again next year. The study was published in a leading astronomy journal and was "
    "supported by grants from two universities."
)
OBITUARY = (
    "Walter Brennan, a carpenter who built the bandstand in the town park and taught "
    "woodworking to three generations of students, died on Friday at his home. He was 93. "
    "His daughter, Ruth, said he had been ill with cancer for several months. Born on a farm in "
    "1931, Mr. Brennan left school at 15 to work with his father, and later opened a workshop "
    "on Main Street that he ran for more than fifty years. He fought hard to keep the old "
    "library building from being torn down, and neighbours remember him as a patient teacher "
    "who never refused to help. He married Anne Kelly in 1955; she died in 2010. He is survived "
    "by his daughter, two sons and seven grandchildren. A memorial service will be held at the "
    "community hall next Saturday."
)
ARTICLES = {
    "sports": SPORTS,
    "business": BUSINESS,
    "weather": WEATHER,
    "culture": CULTURE,
    "science": SCIENCE,
    "obituary": OBITUARY,
}


def test_six_nonpolitical_articles_give_at_most_three_events():
    articles = [Article(id=k, text=v) for k, v in ARTICLES.items()]
    events = [e for ex in process_articles(articles) for e in ex.events]
    found = [(e.doc, e.plover, e.trigger.text) for e in events]
    assert len(events) <= 3, found
