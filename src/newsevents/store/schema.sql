-- newsevents store schema (SQLite and PostgreSQL), newest version: a new store is created
-- with it, older stores are brought to it by the numbered migrations in store.py
-- before this script runs (version in meta('schema_version')).
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);

CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY,
  title TEXT,
  text TEXT,              -- NULL when --keep-text none/sentences
  keep_text TEXT NOT NULL DEFAULT 'full',
  date TEXT,
  url TEXT,
  source TEXT,
  path TEXT,
  sha256 TEXT NOT NULL,
  n_chars INTEGER NOT NULL,
  n_words INTEGER NOT NULL,
  story_id TEXT,
  duplicate_of TEXT,      -- near-duplicate (wire copy) of this document id
  fingerprint TEXT,       -- MinHash signature (hex) for near-duplicate detection
  ingested_at TEXT NOT NULL,
  given_id TEXT,          -- the id the input gave, shared by every version of a document
  version INTEGER NOT NULL DEFAULT 1,
  previous_version TEXT,  -- id of the version this one follows (kept, with its events)
  superseded_by TEXT,     -- id of the newer version, NULL for the current one
  language TEXT,          -- ISO 639-1 code the document was coded in
  encoding TEXT           -- how the file's bytes were decoded: utf-8, utf-16, or a legacy
                          -- encoding that gave clean text (cp1252, ...)
);
CREATE INDEX IF NOT EXISTS documents_date ON documents(date);
CREATE INDEX IF NOT EXISTS documents_story ON documents(story_id);
CREATE INDEX IF NOT EXISTS documents_given ON documents(given_id);
-- schema 7: a story's documents (current versions), to count its mentions per page of
-- /api/storylines without reading every document's row
CREATE INDEX IF NOT EXISTS documents_story_current ON documents(story_id, id)
  WHERE superseded_by IS NULL;
-- the list order of /api/documents: a page is read off the index, not sorted
CREATE INDEX IF NOT EXISTS documents_order ON documents((date IS NULL), date, id);
-- schema 6: the same order over current versions only (the list's default), and the few
-- superseded ids (every query leaves them out: a scan of all documents per query before).
-- These replace documents_superseded(superseded_by), which the planner took for
-- "superseded_by IS NULL", then sorting the page out of every current document.
CREATE INDEX IF NOT EXISTS documents_current_order ON documents((date IS NULL), date, id)
  WHERE superseded_by IS NULL;
CREATE INDEX IF NOT EXISTS documents_replaced ON documents(id) WHERE superseded_by IS NOT NULL;

CREATE TABLE IF NOT EXISTS doc_bands (
  band TEXT NOT NULL,
  doc_id TEXT NOT NULL,
  PRIMARY KEY (band, doc_id)
);

CREATE TABLE IF NOT EXISTS sentences (
  doc_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (doc_id, start)
);

CREATE TABLE IF NOT EXISTS actors (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT,
  sector TEXT,
  code TEXT,
  n_events INTEGER NOT NULL DEFAULT 0,  -- schema 7: mentions with it on either side, each once
  n_quotes INTEGER NOT NULL DEFAULT 0   -- and quotes it said, kept by the store as it writes
);
-- the order of /api/actors: a page is read off the index, no actor counted per request
CREATE INDEX IF NOT EXISTS actors_busiest ON actors(n_events DESC, name);

CREATE TABLE IF NOT EXISTS mentions (
  id TEXT PRIMARY KEY,
  doc_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  sentence TEXT NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  plover TEXT NOT NULL,
  cameo TEXT NOT NULL,
  quad_class INTEGER,
  goldstein REAL,
  mode TEXT,
  context TEXT,
  negated INTEGER NOT NULL DEFAULT 0,
  modality TEXT,
  source_id TEXT, source_name TEXT, source_country TEXT, source_sector TEXT, source_code TEXT,
  target_id TEXT, target_name TEXT, target_country TEXT, target_sector TEXT, target_code TEXT,
  date TEXT,
  date_end TEXT,
  date_precision TEXT,
  location_name TEXT, location_country TEXT, lat REAL, lon REAL,
  confidence REAL,
  coder_version TEXT,
  record TEXT NOT NULL    -- the full JSON mention (spans, trigger, evidence)
);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_id);
CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event_id);
CREATE INDEX IF NOT EXISTS mentions_dyad ON mentions(source_country, target_country);
-- schema 4: an actor's counts (/api/actors) look its mentions and quotes up by id
CREATE INDEX IF NOT EXISTS mentions_source ON mentions(source_id);
CREATE INDEX IF NOT EXISTS mentions_target ON mentions(target_id);
-- schema 6: the mentions an actor is the target of and not the source of, counted off the index
CREATE INDEX IF NOT EXISTS mentions_target_source ON mentions(target_id, source_id);
-- the list order of /api/events (with or without filters): a page of 50 is read off
-- the index, not sorted out of every mention. Schema 6 (mentions_list, which replaced
-- mentions_order): the filters' columns too, so the mentions a filter skips are tested on
-- the index alone and only the page's rows are read. With a date filter (since, until)
-- the page is a range of mentions_dated (the same order once undated mentions are out), and
-- the mentions that start before since but end after it are found by their end.
CREATE INDEX IF NOT EXISTS mentions_list ON mentions((date IS NULL), date, doc_id,
  sentence_start, id, plover, cameo, source_country, target_country, source_code,
  target_code, source_name, target_name, date_end);
CREATE INDEX IF NOT EXISTS mentions_dated ON mentions(date, doc_id, sentence_start, id,
  plover, cameo, source_country, target_country, source_code, target_code, source_name,
  target_name, date_end);
CREATE INDEX IF NOT EXISTS mentions_date_end ON mentions(date_end, date);
-- schema 8: a page of one type (the filter plover = T OR cameo LIKE 't%') is read in list
-- order off the index led by the PLOVER type, merged with the one led by the CAMEO code's
-- first two characters (store.type_branches), not picked out of every mention in order
CREATE INDEX IF NOT EXISTS mentions_plover_list ON mentions(plover, (date IS NULL), date,
  doc_id, sentence_start, id, source_country, target_country, source_code, target_code,
  source_name, target_name, date_end);
CREATE INDEX IF NOT EXISTS mentions_root_list ON mentions(lower(substr(cameo, 1, 2)),
  (date IS NULL), date, doc_id, sentence_start, id, cameo, plover, source_country,
  target_country, source_code, target_code, source_name, target_name, date_end);

CREATE TABLE IF NOT EXISTS quotes (
  id TEXT PRIMARY KEY,
  doc_id TEXT NOT NULL,
  quote TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  kind TEXT NOT NULL,
  speaker_id TEXT, speaker_name TEXT, speaker_country TEXT, speaker_sector TEXT,
  channel TEXT,
  record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_doc ON quotes(doc_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_id);
CREATE INDEX IF NOT EXISTS quotes_order ON quotes(doc_id, start);
-- schema 6: the order of /api/quotes (grouped by speaker)
-- (the speaker filter's columns too: a filtered page is read off the index alone)
CREATE INDEX IF NOT EXISTS quotes_speaker_order ON quotes((speaker_name IS NULL),
  LOWER(speaker_name), speaker_id, doc_id, start, speaker_country, speaker_name);

-- schema 8: every speaker a stored quote has (name, id, country: '' where it has none), written
-- with the quotes and never taken out (a speaker whose quotes are gone only costs a look): a
-- page of one speaker's quotes reads only the quotes of the speakers that match
-- (store.quote_rows), not every quote in speaker order
CREATE TABLE IF NOT EXISTS speakers (
  name TEXT NOT NULL,
  id TEXT NOT NULL,
  country TEXT NOT NULL,
  PRIMARY KEY (name, id, country)
);

CREATE TABLE IF NOT EXISTS times (
  doc_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT,
  type TEXT,
  value TEXT,
  date TEXT,
  date_end TEXT,
  precision TEXT,
  PRIMARY KEY (doc_id, start)
);

-- toponym mentions (newsevents.places): literal places with a GeoNames entry and a point,
-- demonyms and metonyms typed, without a point
CREATE TABLE IF NOT EXISTS places (
  doc_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT,
  name TEXT,
  geonameid TEXT,
  lat REAL,
  lon REAL,
  country TEXT,
  feature_code TEXT,
  admin1 TEXT,
  type TEXT,
  how TEXT,
  PRIMARY KEY (doc_id, start)
);
CREATE INDEX IF NOT EXISTS places_country ON places(country);
CREATE INDEX IF NOT EXISTS places_geonameid ON places(geonameid);

CREATE TABLE IF NOT EXISTS rejections (
  id TEXT NOT NULL,
  reason TEXT NOT NULL,
  detail TEXT,
  path TEXT,
  at TEXT NOT NULL,
  PRIMARY KEY (id, reason)
);

CREATE TABLE IF NOT EXISTS stories (
  id TEXT PRIMARY KEY,
  label TEXT,
  n_documents INTEGER NOT NULL DEFAULT 0,
  first_date TEXT,        -- schema 6: its documents' dates, counted with n_documents
  last_date TEXT
);
-- the order of /api/storylines: biggest, then latest first
CREATE INDEX IF NOT EXISTS stories_order
  ON stories(n_documents DESC, (last_date IS NULL), last_date DESC, id);

-- the storyline clusterer's state (newsevents.stories.store_stories), row by row, written as
-- it changes: each story's centroids, dates and documents, the stories that held a word
-- ("w:word") or a name ("e:key"), which is the candidate index an article's terms look up,
-- and document frequencies of words and names. Its few numbers are meta('stories.clusterer').
-- (No semicolons in comments: the PostgreSQL backend splits this script on them.)
CREATE TABLE IF NOT EXISTS story_state (
  id TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  state TEXT NOT NULL,    -- JSON: words, ents, ent_docs, names, first, last, docs, seen
  emb TEXT,               -- base64 of the float64 sum of the embeddings of its articles
  seen INTEGER NOT NULL DEFAULT 0,  -- the clusterer's article count when it last took one
  summary TEXT            -- schema 9, JSON: first, last, wnorm, enorm (the shortlist reads it)
);
CREATE INDEX IF NOT EXISTS story_state_seen ON story_state(seen);
-- schema 10: each story's mean embedding as the clusterer compares it (float32 bytes), in a
-- narrow table of its own: the window of the latest stories is read from it at every update
-- (off story_state, each row's embedding lay past its 10 KB of centroids)
CREATE TABLE IF NOT EXISTS story_centroids (
  id TEXT PRIMARY KEY,
  seen INTEGER NOT NULL,
  centroid BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS story_centroids_seen ON story_centroids(seen, id);
CREATE TABLE IF NOT EXISTS story_terms (
  term TEXT NOT NULL,
  story_id TEXT NOT NULL,
  seen INTEGER NOT NULL DEFAULT 0,  -- the story's seen when it last took the term
  w REAL,                 -- schema 9: the term's weight in the story's centroid then
  PRIMARY KEY (term, story_id)
);
CREATE INDEX IF NOT EXISTS story_terms_seen ON story_terms(term, seen, story_id, w);
CREATE TABLE IF NOT EXISTS story_df (
  term TEXT PRIMARY KEY,
  n INTEGER NOT NULL
);
