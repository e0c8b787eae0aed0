import { closeSync, existsSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { UepError } from '../errors.js';

/**
 * Writes rejected rows (line, reason, then the original fields) to a temporary file beside the
 * target, renamed into place only when the import finishes: never a half-written file.
 */
export class RejectsWriter {
  private readonly fd: number;
  private readonly tmp: string;

  constructor(readonly path: string, header: string[], overwrite: boolean) {
    if (existsSync(path) && !overwrite) {
      throw new UepError(`${path} already exists`, 'choose another --rejects file, or add --force to overwrite it');
    }
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    this.fd = openSync(this.tmp, 'w', 0o600);
    this.write(['line', 'reason', ...header]);
  }

  write(fields: (string | number)[]): void {
    writeSync(this.fd, stringify([fields]));
  }

  add(line: number, reason: string, fields: string[]): void {
    this.write([line, reason, ...fields]);
  }

  commit(): void {
    closeSync(this.fd);
    renameSync(this.tmp, this.path);
  }

  abort(): void {
    closeSync(this.fd);
    rmSync(this.tmp, { force: true });
  }
}
