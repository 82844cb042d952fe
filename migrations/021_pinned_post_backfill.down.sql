DELETE FROM posts WHERE author_id = 'system' AND author_type = 'system' AND pinned = true;
