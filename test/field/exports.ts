/**
 * What ODK Central and KoboToolbox give back: submissions (from ODK's engine) laid out as their
 * CSV exports, from their documented export formats.
 * - ODK Central (Submissions → Download → CSV): SubmissionDate first; fields by path with groups
 *   joined by "-" (grp_asesmen-keterampilan); select_multiple as space-separated values;
 *   meta-instanceID; then KEY, SubmitterID, SubmitterName, AttachmentsPresent, AttachmentsExpected,
 *   Status, ReviewState, DeviceID, Edits, FormVersion. Comma-separated, RFC 4180 quoting.
 * - KoboToolbox (Downloads → CSV, "XML values and headers", group separator "/", select_multiple
 *   "both"/"details"): ";"-separated, every cell quoted; one 0/1 column per option after (or
 *   instead of) the select_multiple's column; _id, _uuid (no "uuid:"), _submission_time (UTC,
 *   no zone), _validation_status, _notes, _status, _submitted_by, __version__, _tags, _index.
 */
import { leaves } from './odk-engine.js';

export interface Sent {
  xml: string;
  /** ISO UTC, as the server stamps it. */
  submittedAt: string;
  by: string;
}

const quote = (s: string) => (/[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function centralCsv(sent: Sent[], formVersion: string): string {
  const paths = leaves(sent[0]!.xml).map((l) => l.path.join('-'));
  const header = ['SubmissionDate', ...paths, 'KEY', 'SubmitterID', 'SubmitterName', 'AttachmentsPresent', 'AttachmentsExpected', 'Status', 'ReviewState', 'DeviceID', 'Edits', 'FormVersion'];
  const rows = sent.map((s, i) => {
    const values = leaves(s.xml);
    const key = values.find((l) => l.path.join('/') === 'meta/instanceID')!.value;
    return [s.submittedAt, ...values.map((l) => l.value), key, String(10 + i), s.by, '0', '0', '', '', 'collect:abc', '0', formVersion];
  });
  return [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

export function koboCsv(sent: Sent[], multi: Record<string, string[]>, style: 'both' | 'details'): string {
  const columns: { name: string; value: (l: Map<string, string>) => string }[] = [];
  for (const { path } of leaves(sent[0]!.xml)) {
    if (path[0] === 'meta') continue;
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
  const header = [...columns.map((c) => c.name), '_id', '_uuid', '_submission_time', '_validation_status', '_notes', '_status', '_submitted_by', '__version__', '_tags', '_index'];
  const rows = sent.map((s, i) => {
    const l = new Map(leaves(s.xml).map((x) => [x.path.join('/'), x.value]));
    const uuid = l.get('meta/instanceID')!.replace(/^uuid:/, '');
    return [...columns.map((c) => c.value(l)), String(4000 + i), uuid, s.submittedAt.replace(/\.\d+Z$|Z$/, ''), '', '[]', 'submitted_via_web', s.by, 'vQx8kFz3tA', '[]', String(i + 1)];
  });
  return [header, ...rows].map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(';')).join('\n') + '\n';
}
