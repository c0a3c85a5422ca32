"""Legal steps told with no one doing them: "the driver was charged with murder", "two
clerks have been indicted". Only a state's prosecutors and courts charge, indict, convict or
sentence (``verbs/legal_step_verbs.txt``), so such a step is a political act even where the
text names no doer and the accused is a private person; the rule verifier's "no political
actor on either side" (coding/events/verify.py) does not apply to it. The doer stays unnamed
(no source is guessed). "He accused the mayor" (active, a named doer) is not such a step:
its sides decide as for any other event.
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from newsevents.coding.events import lexicon as event_lexicon
from newsevents.data import load_lines


@functools.lru_cache(maxsize=1)
def legal_step_verbs() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lines("verbs/legal_step_verbs.txt"))


def agentless_step(trigger: Token) -> bool:
    """The trigger is a legal step in the passive with no "by" phrase ("was charged with")."""
    if trigger.pos_ != "VERB" or event_lexicon.verb_lemma(trigger) not in legal_step_verbs():
        return False
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in trigger.children)
    if not passive:
        return False
    return not any(c.dep_ == "agent" for c in trigger.children)
