-- This migration has no schema changes; write its SQL by hand.
-- Hand-written (docs/decisions/014-hot-path.md): the session check every
-- request makes, in one statement and no transaction. It answers only for the
-- person, company and token version of a signature-checked session token, and
-- only while both are active and the version is current (so logout, password
-- change, role change and deactivation still take effect on the next request).
CREATE FUNCTION app_session_user(p_person uuid, p_company uuid, p_token_version integer)
  RETURNS TABLE (
    id uuid,
    email text,
    first_name text,
    last_name text,
    role "Role",
    company_name text,
    company_slug text,
    company_timezone text
  )
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT p.id, p.email, p.first_name, p.last_name, p.role, c.name, c.slug, c.timezone
    FROM persons p JOIN companies c ON c.id = p.company_id
    WHERE p.id = p_person AND p.company_id = p_company AND p.token_version = p_token_version
      AND p.is_active AND c.is_active
  $$;

REVOKE ALL ON FUNCTION app_session_user(uuid, uuid, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_session_user(uuid, uuid, integer) TO aegira_app;
