DROP TRIGGER posts_counts_insert ON posts;
DROP TRIGGER posts_counts_update ON posts;
DROP TRIGGER posts_counts_delete ON posts;
DROP FUNCTION agenthq_post_counts_trigger();
DROP FUNCTION agenthq_post_counted(posts);
DROP TABLE post_counts;
