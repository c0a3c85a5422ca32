"""Storylines: online clustering of articles into developing stories.

``OnlineClusterer().add(StoryDoc(...))`` returns a story id; ``cluster(docs)`` does a batch;
``story_label(docs)`` names a story; ``embed(texts)`` gives sentence embeddings (ONNX).
"""

from newsevents.stories.cluster import (
    OnlineClusterer,
    StoryDoc,
    cluster,
    embed_docs,
    story_label,
)
from newsevents.stories.embed import embed
from newsevents.stories.evaluate import BCubed, bcubed
from newsevents.stories.features import entities_from_extraction, entities_from_spacy

__all__ = [
    "BCubed",
    "OnlineClusterer",
    "StoryDoc",
    "bcubed",
    "cluster",
    "embed",
    "embed_docs",
    "entities_from_extraction",
    "entities_from_spacy",
    "story_label",
]
