-- The own-event guard (app_require_own_event, migration 20261130193549_write_path_guards) checks
-- a statement's new rows against this transaction's events with an anti-join. The planner
-- estimates a handful of events for the current transaction id and picks a nested loop, which
-- compares every new row with every event of the transaction: quadratic in the size of a
-- command (57 ms for 1,000 check-ins, over a second for 4,000; decision 028). Without nested
-- loops for the guard's own query the join is hashed, linear in the rows written, and a
-- one-row command still reads only its own transaction's events through the
-- (company_id, tx_id) index. The guard's rule is unchanged.
ALTER FUNCTION app_require_own_event() SET enable_nestloop = off;
