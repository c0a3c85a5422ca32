"""Give every stored document a storyline, continuing the store's own online clusterer.

The clusterer state lives in the store's ``meta`` table, so each ``ingest`` goes on from
where the last one stopped: an article that arrives next month can join this month's story.
"""

from __future__ import annotations

import json

from newsevents.store import Store
from newsevents.store import stories as sql
from newsevents.stories.cluster import OnlineClusterer, StoryDoc


def load_clusterer(store: Store) -> OnlineClusterer | None:
    state = sql.get_meta(store, sql.CLUSTERER_KEY)
    return OnlineClusterer.from_dict(json.loads(state)) if state else None


def update_stories(store: Store, clusterer: OnlineClusterer | None = None) -> dict[str, str]:
    """Assign a story to every document without one; returns doc id -> story id.

    ``clusterer`` is used only when the store has no saved state yet (a new store); the
    saved state always wins so story ids stay stable across runs.
    """
    saved = load_clusterer(store)
    clusterer = saved or clusterer or OnlineClusterer()
    todo = sql.documents_without_story(store)
    if not todo and saved is not None:
        return {}
    # A re-ingested (replaced) document keeps the story it already had: the clusterer has
    # counted it once and must not count it twice.
    # A new version of a document joins the story of the version it follows, uncounted too.
    known = {doc: sid for sid, story in clusterer.stories.items() for doc in story.docs}
    for d in todo:
        if d.get("previous_story") and d["id"] not in known:
            known[d["id"]] = d["previous_story"]
    assignment = {d["id"]: known[d["id"]] for d in todo if d["id"] in known}
    new = [
        StoryDoc(
            id=d["id"],
            title=d["title"],
            text=d["text"] or "",
            date=d["date"],
            entities=d["entities"],
        )
        for d in todo
        if d["id"] not in known
    ]
    # oldest first, as they would have arrived (documents_without_story is date-ordered)
    assignment.update(clusterer.add_many(new))
    save_clusterer(store, clusterer, assignment)
    return assignment


def save_clusterer(store: Store, clusterer: OnlineClusterer, assignment: dict[str, str]) -> None:
    """Write the documents' stories, the stories' labels and the clusterer's state."""
    labels = {sid: clusterer.label(sid) for sid in clusterer.stories}
    with store.db.transaction():
        sql.set_document_stories(store, assignment)
        sql.save_stories(store, labels)
        sql.set_meta(store, sql.CLUSTERER_KEY, json.dumps(clusterer.to_dict()))
