-- 008 real-estate vertical: agent profiles, transactions, periodic metrics.
CREATE TABLE re_agent_profiles (
  agent_id text NOT NULL,
  role text NOT NULL,  -- listing_agent, buyers_agent, broker or transaction_coordinator (not enforced)
  license_number text,
  specializations jsonb DEFAULT '[]',
  territories jsonb DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT re_agent_profiles_pkey PRIMARY KEY (agent_id),
  CONSTRAINT re_agent_profiles_agent_id_foreign FOREIGN KEY (agent_id) REFERENCES agents (id) ON DELETE CASCADE
);

CREATE TABLE re_transactions (
  id text NOT NULL,
  org_id text NOT NULL,
  property_address text NOT NULL,
  mls_number text,
  status text NOT NULL DEFAULT 'prospecting',
  type text NOT NULL,
  listing_price numeric(12, 2),
  sale_price numeric(12, 2),
  commission_rate numeric(5, 4),
  commission_amount numeric(12, 2),
  listing_agent_id text,
  buyers_agent_id text,
  client_name text,
  key_dates jsonb DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT re_transactions_pkey PRIMARY KEY (id),
  CONSTRAINT re_transactions_org_id_foreign FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE,
  CONSTRAINT re_transactions_listing_agent_id_foreign FOREIGN KEY (listing_agent_id)
    REFERENCES agents (id) ON DELETE SET NULL,
  CONSTRAINT re_transactions_buyers_agent_id_foreign FOREIGN KEY (buyers_agent_id)
    REFERENCES agents (id) ON DELETE SET NULL
);
CREATE INDEX re_transactions_org_id_index ON re_transactions (org_id);
CREATE INDEX re_transactions_status_index ON re_transactions (status);
CREATE INDEX re_transactions_listing_agent_id_index ON re_transactions (listing_agent_id);
CREATE INDEX re_transactions_buyers_agent_id_index ON re_transactions (buyers_agent_id);

-- agent_id NULL means an org-wide figure.
CREATE TABLE re_metrics (
  id text NOT NULL,
  org_id text NOT NULL,
  agent_id text,
  period text NOT NULL,
  period_start date NOT NULL,
  metrics jsonb DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT re_metrics_pkey PRIMARY KEY (id),
  CONSTRAINT re_metrics_org_id_foreign FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE,
  CONSTRAINT re_metrics_agent_id_foreign FOREIGN KEY (agent_id) REFERENCES agents (id) ON DELETE CASCADE
);
CREATE INDEX re_metrics_org_id_index ON re_metrics (org_id);
CREATE INDEX re_metrics_agent_id_index ON re_metrics (agent_id);
CREATE INDEX re_metrics_org_id_period_period_start_index ON re_metrics (org_id, period, period_start);

-- re_agent_profiles has no org_id: a profile belongs to the tenant of its agent.
ALTER TABLE re_agent_profiles ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON re_agent_profiles
  USING (EXISTS (SELECT 1 FROM agents a
                 WHERE a.id = re_agent_profiles.agent_id
                   AND a.org_id = NULLIF(current_setting('app.org_id', true), '')))
  WITH CHECK (EXISTS (SELECT 1 FROM agents a
                      WHERE a.id = re_agent_profiles.agent_id
                        AND a.org_id = NULLIF(current_setting('app.org_id', true), '')));

ALTER TABLE re_transactions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON re_transactions
  USING (org_id = NULLIF(current_setting('app.org_id', true), ''))
  WITH CHECK (org_id = NULLIF(current_setting('app.org_id', true), ''));

ALTER TABLE re_metrics ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON re_metrics
  USING (org_id = NULLIF(current_setting('app.org_id', true), ''))
  WITH CHECK (org_id = NULLIF(current_setting('app.org_id', true), ''));
