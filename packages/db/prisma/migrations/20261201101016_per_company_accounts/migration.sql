-- DropIndex
DROP INDEX "persons_email_key";

-- CreateTable
CREATE TABLE "login_failures" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "failed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_failures_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "login_failures_company_id_failed_at_idx" ON "login_failures"("company_id", "failed_at");

-- CreateIndex
CREATE UNIQUE INDEX "persons_company_id_email_key" ON "persons"("company_id", "email");

-- Hand-written (issue 11; docs/decisions/031-per-company-accounts.md, 032-login-throttling.md).

-- 1. A failed login belongs to a person of the company it was made against.
ALTER TABLE login_failures
  ADD CONSTRAINT login_failures_person_fk FOREIGN KEY (company_id, person_id)
  REFERENCES persons (company_id, id);
SELECT app_guard_table('login_failures', 'operational', 'company_id', 'pruned after 30 days');

-- 2. Login names the company (its slug): an email is unique only within a company, so the
--    old one-argument lookup would be ambiguous. Same result columns as before.
DROP FUNCTION app_find_login(text);
CREATE FUNCTION app_find_login(p_company_slug text, p_email text)
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
    SELECT p.id, p.company_id, pc.password_hash, p.is_active, c.is_active, p.token_version
    FROM companies c
    JOIN persons p ON p.company_id = c.id
    JOIN person_credentials pc ON pc.company_id = p.company_id AND pc.person_id = p.id
    WHERE c.slug = lower(p_company_slug) AND p.email = lower(p_email)
  $$;
REVOKE ALL ON FUNCTION app_find_login(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_find_login(text, text) TO aegira_app;

-- 3. "Is this email taken anywhere?" answered across companies is exactly the
--    enumeration oracle issue 11 removes; a company now asks only about its own
--    people, under row-level security, inside its command.
DROP FUNCTION app_email_taken(text);
