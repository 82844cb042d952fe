-- 017 direct messages: a DM is a channel of type dm, one per pair of members.
ALTER TABLE channels ADD COLUMN dm_pair_hash text;
CREATE UNIQUE INDEX channels_dm_pair_hash_unique ON channels (org_id, dm_pair_hash) WHERE dm_pair_hash IS NOT NULL;
