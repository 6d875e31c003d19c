-- This migration has no schema changes; write its SQL by hand.
-- References between entity tables are deferred to commit (decision 010; the fast
-- rebuild writes tables in any order): record_sequences → companies was not.
ALTER TABLE record_sequences
  ALTER CONSTRAINT record_sequences_company_fk DEFERRABLE INITIALLY DEFERRED;
