-- 004 channels and their members. created_by and member_id name an agent or a user, so no FK.
CREATE TABLE channels (
  id text NOT NULL,
  org_id text NOT NULL,
  name text NOT NULL,
  description text,
  type text NOT NULL DEFAULT 'public',
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT channels_pkey PRIMARY KEY (id),
  CONSTRAINT channels_org_id_name_unique UNIQUE (org_id, name),
  CONSTRAINT channels_org_id_foreign FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE
);
CREATE INDEX channels_org_id_index ON channels (org_id);

CREATE TABLE channel_members (
  channel_id text NOT NULL,
  member_id text NOT NULL,
  member_type text NOT NULL,
  joined_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT channel_members_pkey PRIMARY KEY (channel_id, member_id, member_type),
  CONSTRAINT channel_members_channel_id_foreign FOREIGN KEY (channel_id) REFERENCES channels (id) ON DELETE CASCADE
);
CREATE INDEX channel_members_member_id_index ON channel_members (member_id);

ALTER TABLE channels ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON channels
  USING (org_id = NULLIF(current_setting('app.org_id', true), ''))
  WITH CHECK (org_id = NULLIF(current_setting('app.org_id', true), ''));

-- channel_members has no org_id: a row belongs to the tenant of its channel.
ALTER TABLE channel_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON channel_members
  USING (EXISTS (SELECT 1 FROM channels c
                 WHERE c.id = channel_members.channel_id
                   AND c.org_id = NULLIF(current_setting('app.org_id', true), '')))
  WITH CHECK (EXISTS (SELECT 1 FROM channels c
                      WHERE c.id = channel_members.channel_id
                        AND c.org_id = NULLIF(current_setting('app.org_id', true), '')));
