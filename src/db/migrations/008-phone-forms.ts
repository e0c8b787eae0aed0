/**
 * Migration 8: forms filled on phones (ODK Central, KoboToolbox): the submission's identity (meta/instanceID),
 * when the server received it (the latest submission for a person wins), and the form version
 * an assessment answered (a form older than the rubric is reported).
 */
export default `
  ALTER TABLE assessments ADD COLUMN instance_id TEXT;
  ALTER TABLE assessments ADD COLUMN submitted_at TEXT;
  ALTER TABLE assessments ADD COLUMN form_version TEXT;
  ALTER TABLE visits ADD COLUMN instance_id TEXT;
  ALTER TABLE visits ADD COLUMN submitted_at TEXT;
  CREATE INDEX visits_instance ON visits (instance_id) WHERE instance_id IS NOT NULL;
  `;
