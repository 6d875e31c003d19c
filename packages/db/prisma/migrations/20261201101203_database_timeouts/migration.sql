-- Hand-written: server-side timeouts for the application role (docs/decisions/034-database-timeouts-and-faults.md).
-- A held lock, a runaway statement or a transaction left open must end in a mapped, retryable
-- error within seconds, never hang a request for as long as the lock lasts.
-- The pool also sets these on every connection it opens (packages/db/src/client.ts): on a
-- server where the owner may not ALTER ROLE, the migration only notes it and goes on.
DO $$
BEGIN
  ALTER ROLE aegira_app SET lock_timeout = '2s';
  ALTER ROLE aegira_app SET statement_timeout = '10s';
  ALTER ROLE aegira_app SET idle_in_transaction_session_timeout = '15s';
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'aegira: not allowed to ALTER ROLE aegira_app; the application sets its timeouts per connection';
END
$$;
