"""Coding: actors (``coding.actors``), events (``coding.events``) and places (``coding.places``).

Submodules are imported where used, so loading one coder never loads the others' data.
"""
