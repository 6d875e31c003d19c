-- AlterEnum
ALTER TYPE "EventType" ADD VALUE 'PERSON_ERASED';

-- AlterEnum
ALTER TYPE "AuditAction" ADD VALUE 'PERSON_ERASED';

-- AlterTable
ALTER TABLE "persons" ADD COLUMN     "erased_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "check_ins" ALTER COLUMN "hours_slept" DROP NOT NULL,
ALTER COLUMN "sleep_quality" DROP NOT NULL,
ALTER COLUMN "stress_level" DROP NOT NULL,
ALTER COLUMN "physical_condition" DROP NOT NULL,
ALTER COLUMN "pain_level" DROP NOT NULL;

-- AlterTable
ALTER TABLE "person_versions" ADD COLUMN     "erased_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "readiness_alerts" ALTER COLUMN "pain_level" DROP NOT NULL;

-- AlterTable
ALTER TABLE "countermeasures" ALTER COLUMN "note" DROP NOT NULL;

-- AlterTable
ALTER TABLE "incidents" ALTER COLUMN "title" DROP NOT NULL,
ALTER COLUMN "description" DROP NOT NULL;

-- AlterTable
ALTER TABLE "case_notes" ALTER COLUMN "text" DROP NOT NULL;

-- CreateTable
CREATE TABLE "person_keys" (
    "company_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "key" BYTEA,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "destroyed_at" TIMESTAMPTZ(3),

    CONSTRAINT "person_keys_pkey" PRIMARY KEY ("company_id","person_id")
);

-- Hand-written (issue 16; docs/decisions/039-erasure-by-destroying-keys.md).
-- A key belongs to a person of the same company; it is 32 bytes until destroyed, and a
-- destroyed key stays destroyed (its row is kept, so no new key can be made for the person).
ALTER TABLE person_keys
  ADD CONSTRAINT person_keys_person_fkey FOREIGN KEY (company_id, person_id)
    REFERENCES persons (company_id, id),
  ADD CONSTRAINT person_keys_key_check CHECK (
    (key IS NULL AND destroyed_at IS NOT NULL) OR (key IS NOT NULL AND octet_length(key) = 32 AND destroyed_at IS NULL)
  );
SELECT app_guard_table('person_keys', 'operational', 'company_id', 'kept while the person exists; destroyed (key set to null) when their health data is erased');

CREATE FUNCTION person_keys_stay_destroyed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.key IS NULL THEN
    RAISE EXCEPTION 'person_keys: a destroyed key cannot be restored' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER person_keys_stay_destroyed BEFORE UPDATE ON person_keys
  FOR EACH ROW EXECUTE FUNCTION person_keys_stay_destroyed();
ALTER TABLE person_keys ENABLE ALWAYS TRIGGER person_keys_stay_destroyed;
