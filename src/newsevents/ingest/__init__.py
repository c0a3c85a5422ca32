"""Reading documents: files, folders, JSON lines, HTML and standard input.

One entry point, :func:`read_sources`, yields an :class:`Article` for every good document
and a :class:`Rejection` (with its reason) for every bad one; a bad document never stops
the batch.
"""

from newsevents.ingest.clean import IngestConfig, validate
from newsevents.ingest.sources import read_sources, read_text_document

__all__ = ["IngestConfig", "read_sources", "read_text_document", "validate"]
