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

-- Ours, beyond the contract: which hub transaction a provider record (a Follow Up Boss deal, a
-- Dotloop loop) was imported as, so that a re-sync updates that transaction instead of adding a
-- second one. Deleting the integration forgets the links; the imported transactions stay.
CREATE TABLE integration_links (
  integration_id text NOT NULL,
  org_id text NOT NULL,
  external_type text NOT NULL,
  external_id text NOT NULL,
  transaction_id text NOT NULL,
  CONSTRAINT integration_links_pkey PRIMARY KEY (integration_id, external_type, external_id),
  CONSTRAINT integration_links_integration_id_foreign FOREIGN KEY (integration_id)
    REFERENCES integrations (id) ON DELETE CASCADE,
  CONSTRAINT integration_links_org_id_foreign FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE,
  CONSTRAINT integration_links_transaction_id_foreign FOREIGN KEY (transaction_id)
    REFERENCES re_transactions (id) ON DELETE CASCADE
);
CREATE INDEX integration_links_org_id_index ON integration_links (org_id);
CREATE INDEX integration_links_transaction_id_index ON integration_links (transaction_id);

ALTER TABLE integration_links ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON integration_links
  USING (org_id = NULLIF(current_setting('app.org_id', true), ''))
  WITH CHECK (org_id = NULLIF(current_setting('app.org_id', true), ''));
