-- Each listed proposal's count of public arguments, counted from this index
-- alone (an index-only scan): the most debated proposals are the ones with
-- hundreds of replies, whose rows the listing no longer reads one by one
-- (issue 18, item 2). Neither a vote nor a reply's counters change its
-- columns, so their updates stay HOT-eligible.
CREATE INDEX contributions_arguments ON contributions (proposal_id)
	WHERE kind = 'argument' AND is_public;
