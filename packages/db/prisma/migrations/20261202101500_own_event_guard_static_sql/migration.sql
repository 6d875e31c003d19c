-- The own-event guard (app_require_own_event, migrations 20261130193549_write_path_guards and
-- 20261201032648_own_event_guard_hash_join) built its anti-join's text from the table's company
-- column and ran it with EXECUTE, so PostgreSQL parsed and planned it anew for every statement
-- it guards. Measured under P1's load (issue 10, decision 048): of the 1.1–1.5 ms the database
-- spent on a check-in's one-row INSERT, the guard took ~0.75 ms, and its query ~0.05 ms of that.
-- Every guarded table but companies names its company column company_id: for those the query
-- is now written out, so PL/pgSQL plans it once per session and table and keeps the plan
-- (planned with nested loops off, as before). companies keeps EXECUTE. The rule is unchanged.
CREATE OR REPLACE FUNCTION app_require_own_event() RETURNS trigger
  LANGUAGE plpgsql
  SET enable_nestloop = off
  AS $$
DECLARE
  v_refused uuid;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT n.event_id INTO v_refused
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.event_id IS NOT DISTINCT FROM o.event_id
    LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'UPDATE on % refused: the change needs its event from the same transaction, and an update must name a new event (event_id % is unchanged)',
        TG_TABLE_NAME, v_refused
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  IF TG_ARGV[0] = 'company_id' THEN
    SELECT n.event_id INTO v_refused
    FROM new_rows n
    WHERE NOT EXISTS (
      SELECT 1 FROM public.events e
      WHERE e.id = n.event_id AND e.company_id = n.company_id
        AND e.tx_id = (pg_current_xact_id()::text)::bigint)
    LIMIT 1;
  ELSE
    EXECUTE format(
      'SELECT n.event_id FROM new_rows n WHERE NOT EXISTS (
         SELECT 1 FROM public.events e
         WHERE e.id = n.event_id AND e.company_id = n.%I
           AND e.tx_id = (pg_current_xact_id()::text)::bigint)
       LIMIT 1',
      TG_ARGV[0]
    ) INTO v_refused;
  END IF;
  -- event_id is NOT NULL, so a refused row shows as non-null (EXECUTE leaves FOUND alone).
  IF v_refused IS NOT NULL THEN
    RAISE EXCEPTION '% on % refused: the change needs its event from the same transaction (event_id % is not an event of this company appended in this transaction)',
      TG_OP, TG_TABLE_NAME, v_refused
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END
$$;
