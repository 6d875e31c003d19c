-- Hand-written (issue 16; docs/decisions/039-erasure-by-destroying-keys.md).
-- Erasing a reporter's health data clears their resolved cases' resolution_summary
-- (the cases projection's erase spec), which the old check refused: a RESOLVED case needed a
-- summary, so PERSON_ERASED failed for anyone whose incident had been resolved. A summary is
-- still required when a case is resolved (transitionCase refuses one without it, and the
-- event's schema carries it); the row may lose it afterwards only by erasure.
ALTER TABLE cases DROP CONSTRAINT cases_resolution_summary;
