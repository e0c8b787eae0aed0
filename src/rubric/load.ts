import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import type { LoadedRubric } from './types.js';
import { parseRubric } from './validate.js';

/** The rubric shipped with uep. */
export const DEFAULT_RUBRIC = fileURLToPath(new URL('../../data/rubric.json', import.meta.url));

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads and checks a rubric file (default: data/rubric.json). The hash is of the file's bytes. */
export function loadRubric(path: string = DEFAULT_RUBRIC): LoadedRubric {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UepError(`cannot read the rubric ${path}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
      'name the rubric file with --rubric <file> (default: data/rubric.json of uep)');
  }
  const content = bytes.toString('utf8');
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
