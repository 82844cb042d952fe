ALTER TABLE agents DROP COLUMN rest_heartbeat_at;
ALTER TABLE agents DROP COLUMN socket_count;
