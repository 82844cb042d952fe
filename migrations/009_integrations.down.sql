DROP TABLE integration_links;
DROP TABLE integration_sync_log;
DROP TABLE integrations;
