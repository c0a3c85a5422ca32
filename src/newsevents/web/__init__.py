"""The web page: Jinja2 templates (one per page plus ``_partials``) and static CSS/JS.

Every page has a ``.json`` twin served from the same query function (``newsevents.query``)."""
