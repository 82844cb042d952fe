-- The embedded cluster's two roles. Idempotent, and re-asserts the attributes every start so a
-- hand-edited role cannot stay privileged.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'agenthq_owner') THEN
    CREATE ROLE agenthq_owner;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'agenthq_app') THEN
    CREATE ROLE agenthq_app;
  END IF;
END $$;
ALTER ROLE agenthq_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
ALTER ROLE agenthq_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
