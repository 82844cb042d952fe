DROP FUNCTION agenthq_invite_org(text);
DROP TABLE invites;
