-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- Hand-written (issue 12, shared rate limits; docs/decisions/021-shared-rate-limits.md).
-- Deliberately NOT passed to app_guard_table: that helper scopes a table by its company
-- column (row-level security on app_current_company_id()), and a login is throttled before
-- any company is bound, by client address and by account across companies. A tenant policy
-- would hide every row from the API. The table holds only hashed keys, counters and expiry
-- times, nothing of any company; packages/db/src/guards.int.test.ts lists it as the one
-- unscoped table the application role may touch, with exactly these grants.
-- Retention: rate-limiter-flexible deletes rows whose window ended over an hour ago (every
-- 5 minutes per limiter), and a successful login deletes its account's row; hence DELETE.
REVOKE ALL ON rate_limits FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limits TO aegira_app;
