-- 002 users: people who log in. email is unique across all orgs (contract §6).
CREATE TABLE users (
  id text NOT NULL,
  org_id text NOT NULL,
  email text NOT NULL,
  password_hash text NOT NULL,
  name text NOT NULL,
  role text NOT NULL DEFAULT 'member',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_pkey PRIMARY KEY (id),
  CONSTRAINT users_email_unique UNIQUE (email),
  CONSTRAINT users_org_id_foreign FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE
);
CREATE INDEX users_org_id_index ON users (org_id);

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON users
  USING (org_id = NULLIF(current_setting('app.org_id', true), ''))
  WITH CHECK (org_id = NULLIF(current_setting('app.org_id', true), ''));

-- Login happens before the server knows the tenant, so RLS would hide every row. This function
-- runs as the owner (who bypasses RLS) and returns only what login needs, for one exact email.
-- The body names public.users explicitly so a caller's temporary table cannot shadow it.
CREATE FUNCTION agenthq_user_for_login(p_email text)
  RETURNS TABLE (id text, org_id text, email text, name text, role text, password_hash text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public
AS $$
  SELECT u.id, u.org_id, u.email, u.name, u.role, u.password_hash
  FROM public.users u
  WHERE u.email = p_email
$$;
-- Functions are executable by PUBLIC by default; only the server's role (granted by the migrator) may call it.
REVOKE ALL ON FUNCTION agenthq_user_for_login(text) FROM PUBLIC;
