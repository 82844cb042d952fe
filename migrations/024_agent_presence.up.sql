-- Presence from two sources that must combine (README, Agents): open WebSocket connections of
-- the agent across all server processes, and the last REST heartbeat, which keeps an agent
-- online after its socket closes until the heartbeat is older than the presence timeout.
ALTER TABLE agents ADD COLUMN socket_count integer NOT NULL DEFAULT 0;
ALTER TABLE agents ADD COLUMN rest_heartbeat_at timestamptz;
