-- 012 invites: single-use tokens an owner or admin hands out to onboard an agent (019 adds users).
CREATE TABLE invites (
  id text NOT NULL,
  org_id text NOT NULL,
  token text NOT NULL,
  created_by text NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  redeemed_by_agent_id text,
  expires_at timestamptz NOT NULL,
  redeemed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT invites_pkey PRIMARY KEY (id),
  CONSTRAINT invites_token_unique UNIQUE (token),
  CONSTRAINT invites_org_id_foreign FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE,
  CONSTRAINT invites_created_by_foreign FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT invites_redeemed_by_agent_id_foreign FOREIGN KEY (redeemed_by_agent_id)
    REFERENCES agents (id) ON DELETE SET NULL
);
CREATE INDEX invites_org_id_index ON invites (org_id);
CREATE INDEX invites_token_index ON invites (token);
CREATE INDEX invites_status_index ON invites (status);
CREATE INDEX invites_created_by_index ON invites (created_by);

ALTER TABLE invites ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invites
  USING (org_id = NULLIF(current_setting('app.org_id', true), ''))
  WITH CHECK (org_id = NULLIF(current_setting('app.org_id', true), ''));

-- Redemption is public: the token is all the caller has, so the tenant is unknown until the
-- invite is found. This function runs as the owner (no RLS) and returns only the invite's org,
-- which the server then uses as the tenant for everything else (the redeem itself runs under RLS).
CREATE FUNCTION agenthq_invite_org(p_token text)
RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT org_id FROM public.invites WHERE token = p_token
$$;
REVOKE ALL ON FUNCTION agenthq_invite_org(text) FROM PUBLIC;
