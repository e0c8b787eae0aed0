import { existsSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { UepError } from '../errors.js';
import { AtomicFile } from '../fsutil/atomic.js';

/**
 * Writes rejected rows (line, reason, then the original fields) to a temporary file beside the
 * target, renamed into place only when the import finishes: never a half-written file.
 */
export class RejectsWriter {
  private readonly file: AtomicFile;

  constructor(readonly path: string, header: string[], overwrite: boolean) {
    if (existsSync(path) && !overwrite) {
      throw new UepError(`${path} already exists`, 'choose another --rejects file, or add --force to overwrite it');
    }
    this.file = new AtomicFile(path);
    this.write(['line', 'reason', ...header]);
  }

  write(fields: (string | number)[]): void {
    this.file.write(stringify([fields]));
  }

  add(line: number, reason: string, fields: string[]): void {
    this.write([line, reason, ...fields]);
  }

  commit(): void {
    this.file.commit();
  }

  abort(): void {
    this.file.abort();
  }
}
