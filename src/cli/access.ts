/**
 * What each command does with the database, declared once per command. The CLI acts on it:
 * - `reads`: opened read-only; a missing database is refused and nothing is created, migrated or
 *   switched to WAL. (An export still records in the audit log that personal data left.)
 * - `writes`: created when missing (said on stderr) and migrated; a 'started' line goes to the audit
 *   log before the command runs, so even a killed run leaves a trail.
 * - `replaces`: restore, which swaps the whole content; its line is written into the restored database.
 * - `none`: never opens the database.
 * A test checks that every command is declared here and that nothing else is.
 */
export type DbAccess = 'reads' | 'writes' | 'replaces' | 'none';

export const DB_ACCESS: Readonly<Record<string, DbAccess>> = {
  'import dtks': 'writes',
  'import pkh': 'writes',
  'import recipients': 'writes',
  'applicants import': 'writes',
  'applicants list': 'reads',
  'assess': 'writes',
  'assess import': 'writes',
  'score': 'writes',
  'explain': 'reads',
  'status': 'reads',
  'audit': 'reads',
  'quota': 'none',
  'allocate': 'writes',
  'allocate compare': 'reads',
  'allocate finalize': 'writes',
  'allocate verify': 'reads',
  'allocate replace': 'writes',
  'allocate list': 'reads',
  'export allocation': 'reads',
  'monitor monitors import': 'writes',
  'monitor plan': 'writes',
  'monitor import': 'writes',
  'monitor record': 'writes',
  'report monitoring': 'reads',
  'report summary': 'reads',
  'report html': 'reads',
  'backup': 'reads',
  'restore': 'replaces',
  'doctor': 'reads',
  'migrate': 'writes',
  'review duplicates': 'writes',
  'review list': 'reads',
  'review decide': 'writes',
  'usulan record': 'writes',
  'export usulan': 'reads',
  'appeal record': 'writes',
  'appeal list': 'reads',
  'appeal decide': 'writes',
  'report pdp': 'reads',
  'assess form': 'reads',
  'monitor form': 'reads',
};

/** A command missing from the table is treated as writing: it keeps its audit trail. */
export function accessOf(command: string): DbAccess {
  return DB_ACCESS[command] ?? 'writes';
}
