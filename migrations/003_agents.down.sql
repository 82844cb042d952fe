DROP FUNCTION agenthq_agents_by_key_prefix(text);
DROP TABLE agents;
