/**
 * Which submission of a form server a row is, and which of two versions of it is the later.
 * An edit on the server makes a new version: a new meta/instanceID, the previous one in
 * meta/deprecatedID (only the previous one, not the first). The submission itself keeps one id:
 * ODK Central's KEY column, KoboToolbox's meta/rootUuid (exports since late 2025). Neither server
 * changes the submission time (SubmissionDate, _submission_time) on an edit, so the versions are
 * ordered by these ids.
 */
import { instanceIdOf } from './export-columns.js';

/** A submission's version as a row gives it and as it is stored (visits, assessments). */
export interface SubmissionVersion {
  /** The submission: KEY or rootUuid; without either, the id it was first stored under. */
  instance_id: string | null;
  /** This version's meta/instanceID (Kobo's _uuid). */
  version_id: string | null;
  /** The version this one replaced (meta/deprecatedID); null for a submission never edited. */
  deprecated_id: string | null;
  submitted_at: string | null;
}

/** The ids of one export row: KEY/rootUuid, instanceID/_uuid, deprecatedID (each may be empty). */
export function submissionIds(cells: { submission_id: string; instance_id: string; deprecated_id: string }): Omit<SubmissionVersion, 'submitted_at'> {
  const root = instanceIdOf(cells.submission_id) ?? null;
  const version = instanceIdOf(cells.instance_id) ?? root;
  return { instance_id: root ?? version, version_id: version, deprecated_id: instanceIdOf(cells.deprecated_id) ?? null };
}

/** The ids any stored version of the same submission would carry (instance_id, version_id). */
export function idsOf(v: SubmissionVersion): string[] {
  return [...new Set([v.instance_id, v.version_id, v.deprecated_id].filter((x): x is string => !!x))];
}

/** Whether two versions (stored or read) belong to one submission. */
export function sameSubmission(a: SubmissionVersion, b: SubmissionVersion): boolean {
  if (!a.version_id || !b.version_id) return false;
  const ids = new Set(idsOf(a));
  return idsOf(b).some((id) => ids.has(id));
}

/**
 * SQL condition on a table's instance_id, version_id, deprecated_id for "a version of the
 * submission of @ids (a JSON array, idsOf) or @version".
 */
export const SAME_SUBMISSION_SQL = `(instance_id IN (SELECT value FROM json_each(@ids)) OR version_id IN (SELECT value FROM json_each(@ids))
  OR deprecated_id = @version)`;

const eq = (a: string | null, b: string | null) => a !== null && a === b;

/**
 * How `row` stands to `stored`, a version of the same submission. A later submission time wins
 * (as for any two reports); at the same time the ids decide; an edit never seen before is the later.
 */
export function versionOrder(row: SubmissionVersion, stored: SubmissionVersion): 'older' | 'same' | 'newer' {
  if (row.submitted_at && stored.submitted_at && row.submitted_at !== stored.submitted_at) return row.submitted_at > stored.submitted_at ? 'newer' : 'older';
  if (eq(row.version_id, stored.version_id)) return 'same';
  if (eq(row.deprecated_id, stored.version_id)) return 'newer'; // the edit of the stored version
  if (eq(stored.deprecated_id, row.version_id)) return 'older'; // the version the stored edit replaced
  if (eq(row.version_id, stored.instance_id)) return 'older'; // the first version; the stored one is an edit
  if (eq(row.deprecated_id, stored.instance_id)) return 'older'; // the first edit; the stored one is a later edit
  return 'newer';
}

/** The id a version is stored under: the row's KEY/rootUuid, else the id the submission already has. */
export function storedInstanceId(row: SubmissionVersion, stored: readonly SubmissionVersion[]): string | null {
  if (row.instance_id !== row.version_id) return row.instance_id;
  return stored.find((s) => s.instance_id)?.instance_id ?? row.instance_id;
}
