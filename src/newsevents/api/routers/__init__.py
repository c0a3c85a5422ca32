"""One router per API resource, all under /api."""
