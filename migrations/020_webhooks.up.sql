-- 020 webhooks: outbound HTTP callbacks for hub events.
-- events holds a JSON array as text (the reference's type); it is matched with a cast to jsonb.
CREATE TABLE webhooks (
  id text NOT NULL,
  org_id text NOT NULL,
  url text NOT NULL,
  events text NOT NULL,
  secret text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT webhooks_pkey PRIMARY KEY (id),
  CONSTRAINT webhooks_org_id_foreign FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE
);
CREATE INDEX webhooks_org_id_index ON webhooks (org_id);
CREATE INDEX webhooks_active_index ON webhooks (active);

ALTER TABLE webhooks ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhooks
  USING (org_id = NULLIF(current_setting('app.org_id', true), ''))
  WITH CHECK (org_id = NULLIF(current_setting('app.org_id', true), ''));

-- Ours, beyond the contract (the reference fires once and forgets): one row per webhook and
-- delivery, with the exact body that was signed, every attempt's outcome and when to retry.
CREATE TABLE webhook_deliveries (
  id text NOT NULL,
  org_id text NOT NULL,
  webhook_id text NOT NULL,
  delivery_id text NOT NULL,
  event text NOT NULL,
  payload text NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  attempts integer NOT NULL DEFAULT 0,
  response_status integer,
  last_error text,
  next_attempt_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT webhook_deliveries_pkey PRIMARY KEY (id),
  CONSTRAINT webhook_deliveries_org_id_foreign FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE,
  CONSTRAINT webhook_deliveries_webhook_id_foreign FOREIGN KEY (webhook_id) REFERENCES webhooks (id)
    ON DELETE CASCADE
);
CREATE INDEX webhook_deliveries_org_id_index ON webhook_deliveries (org_id);
CREATE INDEX webhook_deliveries_webhook_id_index ON webhook_deliveries (webhook_id, created_at DESC);

ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_deliveries
  USING (org_id = NULLIF(current_setting('app.org_id', true), ''))
  WITH CHECK (org_id = NULLIF(current_setting('app.org_id', true), ''));
