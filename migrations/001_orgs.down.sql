-- The policy goes with the table.
DROP TABLE orgs;
