/**
 * English that other areas of issue 12 still print on this branch, because the files that write
 * it belong to other helpers (named below), who translate them. The Indonesian checks of the
 * assessment and monitoring tests leave exactly these texts out, and nothing else: once a text is
 * translated it no longer appears, the removal does nothing, and the check covers it. Delete each
 * entry when its area has landed.
 */

/** Blocks of several lines (the score preview in the interview), matched in full. */
const BLOCKS: RegExp[] = [
  // src/cli/commands/score-format.ts (helper C): the ranking and the breakdown shown during the interview.
  /Business types by fit for this person:\n(?: {2}\d\. [^\n]*\n)+/g,
  /Eligibility (?:eligible|not eligible)\n[\s\S]*?\nTotal [^\n]*\n/g,
];

/** Texts matched exactly once every run of white space is one space (help wraps long lines). */
const TEXTS: (string | RegExp)[] = [
  // src/cli/main.ts (helper A): the label in front of an error's hint.
  ' hint: ',
  // src/cli/csv-options.ts and src/cli/import-run.ts (helper A): the options every import shares.
  'utf8 (default; a BOM is fine) or latin1 (Windows-1252, as older Excel saves)',
  "field separator: ',' ';' tab or '|' (default: detected from the header)",
  /read a field from a differently named column \(fields: [^)]*\)/g,
  'the sheet of an .xlsx file to read, by name or number (default: the only visible sheet)',
  'write every rejected row (line, reason, original fields) to this CSV file',
  'overwrite an existing --rejects file',
  'any rejected row aborts the import: nothing is written, exit 1',
  'validate and report, write nothing',
  // src/cli/flags.ts (helper A): --out and --force of the commands that write files.
  'folder to write into; {date} (YYYY-MM-DD), {time}, {run} and {tahun} are filled in, e.g. reports/{date}',
  'replace files in an output folder that already holds files (refused otherwise)',
];

/** The text without the English listed above (white space made single spaces). */
export function withoutPendingEnglish(text: string): string {
  let out = text.replace(/\r\n/g, '\n');
  for (const block of BLOCKS) out = out.replace(block, '');
  out = out.replace(/\s+/g, ' ');
  for (const t of TEXTS) out = typeof t === 'string' ? out.split(t).join(' ') : out.replace(t, ' ');
  return out;
}
