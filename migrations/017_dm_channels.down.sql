DROP INDEX channels_dm_pair_hash_unique;
ALTER TABLE channels DROP COLUMN dm_pair_hash;
