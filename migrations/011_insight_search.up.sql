-- 011 insight search: same recipe as posts (005).
ALTER TABLE insights ADD COLUMN search_vector tsvector
  GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || content)) STORED;
CREATE INDEX insights_search_vector_idx ON insights USING gin (search_vector);
