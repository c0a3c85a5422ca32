"""What the REST API (``api/``) and the web page (``web/``) share over HTTP: the FastAPI
dependencies (store access, filters, paging) and the error responses. Neither of those two
packages imports the other; ``newsevents.server`` puts them together in one app."""
