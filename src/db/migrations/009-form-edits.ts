/**
 * Migration 9: a phone form's submission edited on the server (src/field/submission.ts): instance_id is
 * now the submission (Central's KEY, Kobo's rootUuid), version_id the version stored
 * (meta/instanceID, what instance_id held until now), deprecated_id the version it replaced.
 */
export default `
  ALTER TABLE visits ADD COLUMN version_id TEXT;
  ALTER TABLE visits ADD COLUMN deprecated_id TEXT;
  ALTER TABLE assessments ADD COLUMN version_id TEXT;
  ALTER TABLE assessments ADD COLUMN deprecated_id TEXT;
  UPDATE visits SET version_id = instance_id WHERE instance_id IS NOT NULL;
  UPDATE assessments SET version_id = instance_id WHERE instance_id IS NOT NULL;
  CREATE INDEX visits_version ON visits (version_id) WHERE version_id IS NOT NULL;
  CREATE INDEX visits_deprecated ON visits (deprecated_id) WHERE deprecated_id IS NOT NULL;
  CREATE INDEX assessments_instance ON assessments (instance_id) WHERE instance_id IS NOT NULL;
  CREATE INDEX assessments_version ON assessments (version_id) WHERE version_id IS NOT NULL;
  CREATE INDEX assessments_deprecated ON assessments (deprecated_id) WHERE deprecated_id IS NOT NULL;
  `;
