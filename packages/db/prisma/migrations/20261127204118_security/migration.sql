-- Hand-written: the guards Prisma's schema language cannot express
-- (docs/decisions/002-database-guards.md). The database enforces them on its
-- own, whatever the application code does.

-- 1. The application's role. It owns nothing, so row-level security applies to
--    it. The migrate tooling creates it with LOGIN and a password; the guard
--    here keeps `prisma migrate deploy` working on a server where it is missing.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'aegira_app') THEN
    CREATE ROLE aegira_app NOLOGIN;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO aegira_app;
-- No DELETE on any table: entities are deactivated, never deleted.
GRANT SELECT, INSERT, UPDATE ON companies, persons, teams, holidays, check_ins, missed_check_ins TO aegira_app;
-- Events and audit rows are append-only.
GRANT SELECT, INSERT ON events, audit_logs TO aegira_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO aegira_app;

-- 2. Tenant binding. The write path and withTenant() set app.company_id for the
--    transaction only; unbound, it is '' and no row matches.
CREATE FUNCTION app_current_company_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.company_id', true), '')::uuid $$;

ALTER TABLE companies ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON companies
  USING (id = app_current_company_id())
  WITH CHECK (id = app_current_company_id());

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['events', 'audit_logs', 'persons', 'teams', 'holidays', 'check_ins', 'missed_check_ins']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (company_id = app_current_company_id()) WITH CHECK (company_id = app_current_company_id())',
      t
    );
  END LOOP;
END
$$;

-- 3. Append-only events and audit rows, and no hard deletes of entities: refused
--    by triggers as well as by grants, so even a role with the privilege cannot.
CREATE FUNCTION app_refuse_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION '% on % is not allowed: rows are immutable or deactivated, never deleted', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION app_refuse_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION app_refuse_change();
CREATE TRIGGER audit_logs_append_only BEFORE UPDATE OR DELETE ON audit_logs
  FOR EACH ROW EXECUTE FUNCTION app_refuse_change();
CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON audit_logs
  FOR EACH STATEMENT EXECUTE FUNCTION app_refuse_change();

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['companies', 'persons', 'teams', 'holidays', 'check_ins', 'missed_check_ins']
  LOOP
    EXECUTE format(
      'CREATE TRIGGER %I BEFORE DELETE ON %I FOR EACH ROW EXECUTE FUNCTION app_refuse_change()',
      t || '_no_delete', t
    );
    EXECUTE format(
      'CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION app_refuse_change()',
      t || '_no_truncate', t
    );
  END LOOP;
END
$$;

-- 4. Integrity across tenants: an entity's event, team, leader... must belong to
--    the same company, so every reference is composite with company_id.
--    Events and audit rows reference their company and actor DEFERRED: sign-up
--    appends COMPANY_CREATED (and its audit row) before the company and its
--    first admin exist.
ALTER TABLE events
  ADD CONSTRAINT events_company_fk FOREIGN KEY (company_id) REFERENCES companies (id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT events_actor_fk FOREIGN KEY (company_id, actor_id) REFERENCES persons (company_id, id)
    DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE companies
  ADD CONSTRAINT companies_event_fk FOREIGN KEY (id, event_id) REFERENCES events (company_id, id);

ALTER TABLE audit_logs
  ADD CONSTRAINT audit_logs_event_fk FOREIGN KEY (company_id, event_id) REFERENCES events (company_id, id),
  ADD CONSTRAINT audit_logs_actor_fk FOREIGN KEY (company_id, actor_id) REFERENCES persons (company_id, id)
    DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE persons
  ADD CONSTRAINT persons_event_fk FOREIGN KEY (company_id, event_id) REFERENCES events (company_id, id),
  ADD CONSTRAINT persons_team_fk FOREIGN KEY (company_id, team_id) REFERENCES teams (company_id, id),
  ADD CONSTRAINT persons_email_lowercase CHECK (email = lower(email)),
  ADD CONSTRAINT persons_window_start_format CHECK (window_start IS NULL OR window_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  ADD CONSTRAINT persons_window_end_format CHECK (window_end IS NULL OR window_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  ADD CONSTRAINT persons_work_days_range CHECK (work_days <@ ARRAY[1, 2, 3, 4, 5, 6, 7]);

ALTER TABLE teams
  ADD CONSTRAINT teams_event_fk FOREIGN KEY (company_id, event_id) REFERENCES events (company_id, id),
  ADD CONSTRAINT teams_leader_fk FOREIGN KEY (company_id, leader_id) REFERENCES persons (company_id, id),
  ADD CONSTRAINT teams_supervisor_fk FOREIGN KEY (company_id, supervisor_id) REFERENCES persons (company_id, id),
  ADD CONSTRAINT teams_window_format CHECK (
    window_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND window_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'
  ),
  ADD CONSTRAINT teams_window_order CHECK (window_end > window_start),
  ADD CONSTRAINT teams_work_days_range CHECK (work_days <@ ARRAY[1, 2, 3, 4, 5, 6, 7]);

-- A team name is unique among the company's active teams; a lead leads at most one active team.
CREATE UNIQUE INDEX teams_active_name_key ON teams (company_id, lower(name)) WHERE is_active;
CREATE UNIQUE INDEX teams_active_leader_key ON teams (company_id, leader_id) WHERE is_active;

ALTER TABLE holidays
  ADD CONSTRAINT holidays_event_fk FOREIGN KEY (company_id, event_id) REFERENCES events (company_id, id);

ALTER TABLE check_ins
  ADD CONSTRAINT check_ins_event_fk FOREIGN KEY (company_id, event_id) REFERENCES events (company_id, id),
  ADD CONSTRAINT check_ins_person_fk FOREIGN KEY (company_id, person_id) REFERENCES persons (company_id, id),
  ADD CONSTRAINT check_ins_team_fk FOREIGN KEY (company_id, team_id) REFERENCES teams (company_id, id),
  ADD CONSTRAINT check_ins_hours_range CHECK (hours_slept BETWEEN 0 AND 15 AND hours_slept * 2 = trunc(hours_slept * 2)),
  ADD CONSTRAINT check_ins_quality_range CHECK (sleep_quality BETWEEN 1 AND 10),
  ADD CONSTRAINT check_ins_stress_range CHECK (stress_level BETWEEN 1 AND 10),
  ADD CONSTRAINT check_ins_physical_range CHECK (physical_condition BETWEEN 1 AND 10),
  ADD CONSTRAINT check_ins_pain_range CHECK (pain_level BETWEEN 0 AND 10),
  ADD CONSTRAINT check_ins_pain_location CHECK (pain_level = 0 OR pain_location IS NOT NULL),
  ADD CONSTRAINT check_ins_notes_length CHECK (notes IS NULL OR char_length(notes) <= 500),
  ADD CONSTRAINT check_ins_score_range CHECK (readiness_score BETWEEN 0 AND 100),
  ADD CONSTRAINT check_ins_minutes_late CHECK (minutes_late >= 0 AND (is_late OR minutes_late = 0));

ALTER TABLE missed_check_ins
  ADD CONSTRAINT missed_check_ins_event_fk FOREIGN KEY (company_id, event_id) REFERENCES events (company_id, id),
  ADD CONSTRAINT missed_check_ins_person_fk FOREIGN KEY (company_id, person_id) REFERENCES persons (company_id, id),
  ADD CONSTRAINT missed_check_ins_team_fk FOREIGN KEY (company_id, team_id) REFERENCES teams (company_id, id),
  ADD CONSTRAINT missed_check_ins_check_in_fk FOREIGN KEY (company_id, resolved_by_check_in_id) REFERENCES check_ins (company_id, id);

-- 5. The two questions asked before any company is bound (login, sign-up).
--    SECURITY DEFINER runs them as the owner; each answers one narrow question.
CREATE FUNCTION app_find_login(p_email text)
  RETURNS TABLE (
    person_id uuid,
    company_id uuid,
    password_hash text,
    person_active boolean,
    company_active boolean,
    token_version integer
  )
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT p.id, p.company_id, p.password_hash, p.is_active, c.is_active, p.token_version
    FROM persons p JOIN companies c ON c.id = p.company_id
    WHERE p.email = lower(p_email)
  $$;

CREATE FUNCTION app_company_slug_taken(p_slug text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$ SELECT EXISTS (SELECT 1 FROM companies WHERE slug = p_slug) $$;

CREATE FUNCTION app_email_taken(p_email text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$ SELECT EXISTS (SELECT 1 FROM persons WHERE email = lower(p_email)) $$;

REVOKE ALL ON FUNCTION app_find_login(text), app_company_slug_taken(text), app_email_taken(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_find_login(text), app_company_slug_taken(text), app_email_taken(text), app_current_company_id() TO aegira_app;
