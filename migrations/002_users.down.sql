DROP FUNCTION agenthq_user_for_login(text);
DROP TABLE users;
