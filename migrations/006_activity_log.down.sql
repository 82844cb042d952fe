-- Triggers and the policy go with the table; the function has to go after them.
DROP TABLE activity_log;
DROP FUNCTION agenthq_activity_log_append_only();
