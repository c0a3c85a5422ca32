"""Coding: actors (``coding.actors``) and events (``coding.events``); places are ``newsevents.places``.

Submodules are imported where used, so loading one coder never loads the others' data.
"""
