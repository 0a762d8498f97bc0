-- Full-text search over course titles, summaries and lesson text (SQLite FTS5).
-- Text is stored already normalised by src/lib/server/text/normalise.ts (Arabic letter variants,
-- tashkeel, French accents), because SQLite's tokenizer does none of that for Arabic.
-- Rebuilt from the course tables by src/lib/server/search/index-build.ts; never the only copy.
CREATE VIRTUAL TABLE search_index USING fts5(
	course_id UNINDEXED,
	lesson_id UNINDEXED,
	locale UNINDEXED,
	title,
	body,
	tokenize = 'unicode61 remove_diacritics 2'
);
