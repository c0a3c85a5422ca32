"""The corpus stage: what is decided across documents, written once.

One document's work (parse, actors, events, dates, places, quotes) is ``newsevents.pipeline``;
what needs the other documents of the run or of the store is here:

- copies (:mod:`newsevents.corpus.copies`): a near-duplicate (wire copy) of an article seen in
  this run or stored earlier is linked to it (``duplicate_of``) and not coded; a copy whose
  original was rejected is coded itself;
- event identity (:mod:`newsevents.corpus.identity`): the mentions of one event in many reports
  share one ``event_id``;
- storylines (:mod:`newsevents.corpus.storylines`): related articles form stories;
- the run's counts (:mod:`newsevents.corpus.summary`).

The batch runner (``runner.run``), the Dask engine (``scale.dask``), recode
(``recode.recode_store``) and ``load`` call it; the store only persists what it decides.
"""

from newsevents.corpus.copies import Copies, split_duplicates
from newsevents.corpus.identity import EventIdentity, add
from newsevents.corpus.storylines import assign_storylines
from newsevents.corpus.summary import RunSummary

__all__ = [
    "Copies",
    "EventIdentity",
    "RunSummary",
    "add",
    "assign_storylines",
    "split_duplicates",
]
