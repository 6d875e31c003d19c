-- This migration has no schema changes; write its SQL by hand.
-- Hand-written (issue 14, forced password change): the session check also says
-- whether the person must change an admin-set or one-time password first, so the
-- API can refuse every other procedure without another query. Same guarantees as
-- in 20261130201818_hot_path; the result gains one column, so the function is
-- dropped and created again.
DROP FUNCTION app_session_user(uuid, uuid, integer);
CREATE FUNCTION app_session_user(p_person uuid, p_company uuid, p_token_version integer)
  RETURNS TABLE (
    id uuid,
    email text,
    first_name text,
    last_name text,
    role "Role",
    company_name text,
    company_slug text,
    company_timezone text,
    must_change_password boolean
  )
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT p.id, p.email, p.first_name, p.last_name, p.role, c.name, c.slug, c.timezone,
           p.must_change_password
    FROM persons p JOIN companies c ON c.id = p.company_id
    WHERE p.id = p_person AND p.company_id = p_company AND p.token_version = p_token_version
      AND p.is_active AND c.is_active
  $$;

REVOKE ALL ON FUNCTION app_session_user(uuid, uuid, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_session_user(uuid, uuid, integer) TO aegira_app;
