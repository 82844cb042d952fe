DROP FUNCTION agenthq_match_agents(text);
DROP INDEX agents_status_idx;
DROP INDEX agents_capabilities_idx;
DROP INDEX agents_search_vector_idx;
ALTER TABLE agents DROP COLUMN search_vector;
