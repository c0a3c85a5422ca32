"""REST API over the store: ``create_app(db_url)``. The server with the web page as well:
``newsevents.server.create_app`` and ``newsevents.server.serve``."""

from newsevents.api.app import create_app

__all__ = ["create_app"]
