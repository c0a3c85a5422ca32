-- Continuous ingest state (newsevents follow / watch): feeds, seen items, leases, watched files.
-- Separate tables from schema.sql; created on first use by store/follow.py.
CREATE TABLE IF NOT EXISTS feeds (
  url TEXT PRIMARY KEY,
  title TEXT,
  added_at TEXT NOT NULL,
  etag TEXT,               -- conditional GET: If-None-Match
  last_modified TEXT,      -- conditional GET: If-Modified-Since
  last_poll TEXT,          -- last attempt (UTC ISO)
  last_ok TEXT,            -- last successful answer (200 or 304)
  last_status INTEGER,
  n_items INTEGER NOT NULL DEFAULT 0,   -- items stored from this feed, all rounds
  last_new INTEGER NOT NULL DEFAULT 0,  -- new items in the last successful poll
  errors INTEGER NOT NULL DEFAULT 0,    -- consecutive failed polls (0 after a success)
  total_errors INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  retry_at REAL            -- unix time before which a failing feed is not polled again
);

CREATE TABLE IF NOT EXISTS feed_items (
  url TEXT PRIMARY KEY,    -- canonical item URL (tracking parameters dropped)
  feed_url TEXT NOT NULL,
  guid TEXT,
  entry_sig TEXT,          -- hash of the feed entry (title, summary, dates): changes when updated
  doc_id TEXT,             -- the current version's document id
  sha256 TEXT,             -- text hash of the current version
  version INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,    -- stored | duplicate | rejected | error | failed
  attempts INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS feed_items_feed ON feed_items(feed_url);
CREATE INDEX IF NOT EXISTS feed_items_sha ON feed_items(sha256);

CREATE TABLE IF NOT EXISTS leases (
  name TEXT PRIMARY KEY,   -- 'follow', 'watch:/abs/dir'
  holder TEXT NOT NULL,    -- host:pid:token
  expires REAL NOT NULL    -- unix time; a holder that stops renewing loses the lease then
);

CREATE TABLE IF NOT EXISTS watched_files (
  path TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS watched_files_sha ON watched_files(sha256);
