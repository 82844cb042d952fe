-- 009 outbound integrations (one per type per org) and their sync history.
-- credentials_encrypted holds AES-256-GCM ciphertext made by the server, never plaintext.
CREATE TABLE integrations (
  id text NOT NULL,
  org_id text NOT NULL,
  type text NOT NULL,
  status text NOT NULL DEFAULT 'disconnected',
  credentials_encrypted text,
  settings jsonb DEFAULT '{}',
  last_error text,
  last_synced_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT integrations_pkey PRIMARY KEY (id),
  CONSTRAINT integrations_org_id_type_unique UNIQUE (org_id, type),
  CONSTRAINT integrations_org_id_foreign FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE
);
CREATE INDEX integrations_org_id_index ON integrations (org_id);
CREATE INDEX integrations_type_index ON integrations (type);
CREATE INDEX integrations_status_index ON integrations (status);

CREATE TABLE integration_sync_log (
  id text NOT NULL,
  integration_id text NOT NULL,
  org_id text NOT NULL,
  operation text NOT NULL,
  status text NOT NULL DEFAULT 'started',
  records_synced integer DEFAULT 0,
  error text,
  metadata jsonb DEFAULT '{}',
  started_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  CONSTRAINT integration_sync_log_pkey PRIMARY KEY (id),
  CONSTRAINT integration_sync_log_integration_id_foreign FOREIGN KEY (integration_id)
    REFERENCES integrations (id) ON DELETE CASCADE,
  CONSTRAINT integration_sync_log_org_id_foreign FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE
);
CREATE INDEX integration_sync_log_integration_id_index ON integration_sync_log (integration_id);
CREATE INDEX integration_sync_log_org_id_index ON integration_sync_log (org_id);
CREATE INDEX integration_sync_log_status_index ON integration_sync_log (status);

ALTER TABLE integrations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON integrations
  USING (org_id = NULLIF(current_setting('app.org_id', true), ''))
  WITH CHECK (org_id = NULLIF(current_setting('app.org_id', true), ''));

ALTER TABLE integration_sync_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON integration_sync_log
  USING (org_id = NULLIF(current_setting('app.org_id', true), ''))
  WITH CHECK (org_id = NULLIF(current_setting('app.org_id', true), ''));
