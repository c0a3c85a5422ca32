"""Time expressions and event dates ("when it happened").

- :func:`tag_times` / :func:`tag_text`: TIMEX3-style time expressions with resolved days.
- :func:`assign_event_dates`: the date of each coded event, from the time words of its clause.
- :func:`read_timeml` / :func:`times_as_dicts`: TempEval-3 files and the ``times`` command.
"""

from newsevents.dates.events import assign_event_dates
from newsevents.dates.tagger import tag_doc, tag_text, tag_times
from newsevents.dates.timeml import read_timeml, times_as_dicts

__all__ = [
    "assign_event_dates",
    "read_timeml",
    "tag_doc",
    "tag_text",
    "tag_times",
    "times_as_dicts",
]
