DROP FUNCTION agenthq_match_insights(text);
DROP INDEX insights_search_vector_idx;
ALTER TABLE insights DROP COLUMN search_vector;
