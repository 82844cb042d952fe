DROP FUNCTION agenthq_match_posts(text);
DROP TABLE posts;
