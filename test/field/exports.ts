/**
 * What ODK Central and KoboToolbox give back: submissions (from ODK's engine) laid out as their
 * CSV exports, from their documented export formats.
 * - ODK Central (Submissions → Download → CSV): SubmissionDate first; fields by path with groups
 *   joined by "-" (grp_asesmen-keterampilan); select_multiple as space-separated values;
 *   meta-instanceID; then KEY, SubmitterID, SubmitterName, AttachmentsPresent, AttachmentsExpected,
 *   Status, ReviewState, DeviceID, Edits, FormVersion. Comma-separated, RFC 4180 quoting.
 *   An edited submission: meta-instanceID the version's, meta-deprecatedID the version it
 *   replaced, KEY the submission's first instanceID, Edits how many edits, SubmissionDate the
 *   submission's creation (central-backend lib/data/briefcase.js writes createdAt and instanceId).
 * - KoboToolbox (Downloads → CSV, "XML values and headers", group separator "/", select_multiple
 *   "both"/"details"): ";"-separated, every cell quoted; one 0/1 column per option after (or
 *   instead of) the select_multiple's column; _id, _uuid (no "uuid:"), _submission_time (UTC,
 *   no zone), _validation_status, _notes, _status, _submitted_by, __version__, _tags, _index.
 *   The meta group as meta/instanceID, meta/deprecatedID (an edit: _uuid is the new version's,
 *   _submission_time unchanged) and, in exports since late 2025, meta/rootUuid (the first version's).
 */
import { leaves } from './odk-engine.js';

export interface Sent {
  xml: string;
  /** ISO UTC, as the server stamps it. */
  submittedAt: string;
  by: string;
  /** An edit on the server: the submission's first instanceID (Central's KEY, Kobo's rootUuid), and how many edits. */
  root?: string;
  edits?: number;
}

const instanceOf = (xml: string) => leaves(xml).find((l) => l.path.join('/') === 'meta/instanceID')!.value;

/**
 * What an edit on the server makes of `before`: the answers of `afterXml` (a fresh fill, so a new
 * meta/instanceID) with meta/deprecatedID naming `before`'s version; the submission time unchanged.
 */
export function editOf(before: Sent, afterXml: string): Sent {
  const xml = afterXml.replace(/(<(\w+:)?instanceID>[^<]*<\/(?:\w+:)?instanceID>)/, `$1<$2deprecatedID>${instanceOf(before.xml)}</$2deprecatedID>`);
  if (xml === afterXml) throw new Error('no meta/instanceID in the submission');
  return { ...before, xml, root: before.root ?? instanceOf(before.xml), edits: (before.edits ?? 0) + 1 };
}

/** Every leaf path of the submissions, in the order first seen (an edit adds meta/deprecatedID). */
function paths(sent: Sent[]): string[][] {
  const seen = new Map<string, string[]>();
  for (const s of sent) for (const { path } of leaves(s.xml)) if (!seen.has(path.join('/'))) seen.set(path.join('/'), path);
  return [...seen.values()];
}

const quote = (s: string) => (/[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function centralCsv(sent: Sent[], formVersion: string): string {
  const fields = paths(sent);
  const header = ['SubmissionDate', ...fields.map((p) => p.join('-')), 'KEY', 'SubmitterID', 'SubmitterName', 'AttachmentsPresent', 'AttachmentsExpected', 'Status', 'ReviewState', 'DeviceID', 'Edits', 'FormVersion'];
  const rows = sent.map((s, i) => {
    const values = new Map(leaves(s.xml).map((l) => [l.path.join('/'), l.value]));
    const key = s.root ?? values.get('meta/instanceID')!;
    return [s.submittedAt, ...fields.map((p) => values.get(p.join('/')) ?? ''), key, String(10 + i), s.by, '0', '0', '', '', 'collect:abc', String(s.edits ?? 0), formVersion];
  });
  return [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

export function koboCsv(sent: Sent[], multi: Record<string, string[]>, style: 'both' | 'details', meta: { rootUuid?: boolean } = {}): string {
  const columns: { name: string; value: (l: Map<string, string>) => string }[] = [];
  const all = paths(sent);
  for (const path of [...all.filter((p) => p[0] !== 'meta'), ...all.filter((p) => p[0] === 'meta')]) {
    const name = path.join('/');
    const key = path.join('/');
    const question = path[path.length - 1]!;
    const options = multi[question];
    if (!options || style === 'both') columns.push({ name, value: (l) => l.get(key) ?? '' });
    for (const o of options ?? []) {
      // An unanswered multi leaves its option columns empty.
      columns.push({ name: `${name}/${o}`, value: (l) => (l.get(key) ? (l.get(key)!.split(' ').includes(o) ? '1' : '0') : '') });
    }
  }
  if (meta.rootUuid) columns.push({ name: 'meta/rootUuid', value: (l) => l.get('meta/rootUuid')! });
  const header = [...columns.map((c) => c.name), '_id', '_uuid', '_submission_time', '_validation_status', '_notes', '_status', '_submitted_by', '__version__', '_tags', '_index'];
  const rows = sent.map((s, i) => {
    const l = new Map(leaves(s.xml).map((x) => [x.path.join('/'), x.value]));
    l.set('meta/rootUuid', s.root ?? l.get('meta/instanceID')!);
    const uuid = l.get('meta/instanceID')!.replace(/^uuid:/, '');
    return [...columns.map((c) => c.value(l)), String(4000 + i), uuid, s.submittedAt.replace(/\.\d+Z$|Z$/, ''), '', '[]', 'submitted_via_web', s.by, 'vQx8kFz3tA', '[]', String(i + 1)];
  });
  return [header, ...rows].map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(';')).join('\n') + '\n';
}
