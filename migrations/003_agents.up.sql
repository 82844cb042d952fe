-- 003 agents: API-key holders. The key is stored as a bcrypt hash; its prefix finds the row.
CREATE TABLE agents (
  id text NOT NULL,
  org_id text NOT NULL,
  name text NOT NULL,
  description text,
  api_key_hash text NOT NULL,
  api_key_prefix text NOT NULL,
  owner_user_id text,
  status text NOT NULL DEFAULT 'offline',
  last_heartbeat timestamptz,
  capabilities jsonb DEFAULT '[]',
  metadata jsonb DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT agents_pkey PRIMARY KEY (id),
  CONSTRAINT agents_org_id_foreign FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE,
  CONSTRAINT agents_owner_user_id_foreign FOREIGN KEY (owner_user_id) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX agents_org_id_index ON agents (org_id);
CREATE INDEX agents_api_key_prefix_index ON agents (api_key_prefix);
CREATE INDEX agents_owner_user_id_index ON agents (owner_user_id);

ALTER TABLE agents ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON agents
  USING (org_id = NULLIF(current_setting('app.org_id', true), ''))
  WITH CHECK (org_id = NULLIF(current_setting('app.org_id', true), ''));

-- API-key authentication happens before the tenant is known: look candidates up by prefix
-- across orgs (the caller then verifies the bcrypt hash). Owner rights bypass RLS; see 002.
CREATE FUNCTION agenthq_agents_by_key_prefix(p_prefix text)
  RETURNS TABLE (id text, org_id text, api_key_hash text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public
AS $$
  SELECT a.id, a.org_id, a.api_key_hash
  FROM public.agents a
  WHERE a.api_key_prefix = p_prefix
$$;
REVOKE ALL ON FUNCTION agenthq_agents_by_key_prefix(text) FROM PUBLIC;

-- Ours, beyond the seed: newest-first lists per tenant without walking other tenants' rows.
CREATE INDEX agents_org_created_at_index ON agents (org_id, created_at DESC, id DESC);
