ALTER TABLE invites DROP COLUMN redeemed_by_user_id;
ALTER TABLE invites DROP COLUMN role;
ALTER TABLE invites DROP COLUMN email;
ALTER TABLE invites DROP COLUMN invite_type;
