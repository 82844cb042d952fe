DROP TABLE re_metrics;
DROP TABLE re_transactions;
DROP TABLE re_agent_profiles;
