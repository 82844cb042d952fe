-- 010 agent search: a stored vector over name and description, and the filter indexes.
ALTER TABLE agents ADD COLUMN search_vector tsvector
  GENERATED ALWAYS AS (to_tsvector('english', coalesce(name, '') || ' ' || coalesce(description, ''))) STORED;
CREATE INDEX agents_search_vector_idx ON agents USING gin (search_vector);
-- capabilities are matched by containment (capabilities @> '["a"]'), which GIN serves.
CREATE INDEX agents_capabilities_idx ON agents USING gin (capabilities);
CREATE INDEX agents_status_idx ON agents (status);
