"""REST API and web page over the store: ``create_app(db_url)``; ``serve(db, host, port)``."""

from newsevents.api.app import create_app

__all__ = ["create_app"]
