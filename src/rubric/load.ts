import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/open.js';
import { MiB, readInputText, type InputSpec } from '../fsutil/input.js';
import type { LoadedRubric } from './types.js';
import { parseRubric } from './validate.js';

/** The rubric shipped with uep. */
export const DEFAULT_RUBRIC = fileURLToPath(new URL('../../data/rubric.json', import.meta.url));

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The shipped rubric is 10 KB: a megabyte is far more than any real one. */
const RUBRIC_FILE: InputSpec = { what: 'files:what.rubric', flag: '--rubric', maxBytes: MiB };

/** Reads and checks a rubric file (default: data/rubric.json). The hash is of the file's bytes. */
export function loadRubric(path: string = DEFAULT_RUBRIC): LoadedRubric {
  const { bytes, text: content } = readInputText(path, RUBRIC_FILE);
  return { rubric: parseRubric(content, basename(path)), sha256: sha256(bytes), content, file: path };
}

/** Keeps the rubric's text beside the scores computed with it (once per hash). */
export function storeRubric(db: Db, loaded: LoadedRubric, at: string): void {
  db.prepare(`INSERT INTO rubrics (sha256, version, content, first_used_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`)
    .run(loaded.sha256, loaded.rubric.version, loaded.content, at);
}

/** The rubric a stored score was computed with, or undefined when the database does not hold it. */
export function storedRubric(db: Db, hash: string): LoadedRubric | undefined {
  const row = db.prepare(`SELECT version, content FROM rubrics WHERE sha256 = ?`).get(hash) as { version: string; content: string } | undefined;
  if (!row) return undefined;
  const file = `rubric ${row.version} (stored)`;
  return { rubric: parseRubric(row.content, file), sha256: hash, content: row.content, file };
}
