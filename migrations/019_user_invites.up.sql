-- 019 user invites: the same table invites people by email with a role.
ALTER TABLE invites ADD COLUMN invite_type text NOT NULL DEFAULT 'agent';
ALTER TABLE invites ADD COLUMN email text;
ALTER TABLE invites ADD COLUMN role text;
ALTER TABLE invites ADD COLUMN redeemed_by_user_id text;
ALTER TABLE invites ADD CONSTRAINT invites_redeemed_by_user_id_foreign FOREIGN KEY (redeemed_by_user_id)
  REFERENCES users (id) ON DELETE SET NULL;
