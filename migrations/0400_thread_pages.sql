-- A proposal's thread in pages (issue 18, item 2): the top-level rows of a
-- proposal (its arguments of one side, or its comments answering the
-- proposal itself) read 20 at a time in index order from a cursor (keyset),
-- never the whole thread (app/db/threads.c). Status and author are carried
-- in the index so that the visitor's filter (published, or their own) and
-- the counts of a side are index-only.
--
-- By date: the parent is the proposal; the side is '' for comments.
CREATE INDEX contributions_thread_date ON contributions
	(parent_id, (coalesce(position, '')), created_at, id)
	INCLUDE (status, author_id);
-- Most "utile" first, ties oldest first, a withdrawn argument last (its
-- place by date); "utile" marks update these rows (not HOT), votes do not.
CREATE INDEX contributions_thread_useful ON contributions
	(parent_id, position,
	 (CASE WHEN withdrawn_at IS NULL THEN -useful ELSE 1 END),
	 created_at, id)
	INCLUDE (status, author_id)
	WHERE kind = 'argument';
