import { csvLine, neutralise } from '../export/csv.js';
import { AtomicFile } from '../fsutil/atomic.js';
import { databaseFiles, outputFsError, prepareOutputFile, type OutputSpec } from '../fsutil/output.js';

const REJECTS: OutputSpec = { what: 'rejects file', flag: '--rejects' };

export interface RejectsOptions {
  /** Replace an existing file of that name (`--force`). */
  overwrite: boolean;
  /** The file being imported: never replaced, also not through a link. */
  input: string;
  /** The database's file (`db.name`): never replaced either. */
  database?: string;
}

/**
 * Writes rejected rows to a temporary file beside the target, renamed into place only when the
 * import finishes: never a half-written file. Columns: line, reason, raw, then the original fields.
 * Analysts open rejects files in Excel like any export, so cells are neutralised the same way
 * (export/csv.ts); when that changed a cell of the row, `raw` holds the row's original cells as a
 * JSON array, so the file's bytes can always be recovered exactly.
 */
export class RejectsWriter {
  private readonly file: AtomicFile;

  constructor(readonly path: string, header: string[], options: RejectsOptions) {
    prepareOutputFile(path, REJECTS, {
      overwrite: options.overwrite,
      protect: [{ path: options.input, what: 'files:protected.import_file' }, ...databaseFiles(options.database)],
    });
    try {
      this.file = new AtomicFile(path);
    } catch (err) {
      throw outputFsError(err, path, REJECTS);
    }
    this.write(['line', 'reason', 'raw', ...header]);
  }

  private write(cells: (string | number)[]): void {
    try {
      this.file.write(`${csvLine(cells)}\n`);
    } catch (err) {
      this.file.abort();
      throw outputFsError(err, this.path, REJECTS);
    }
  }

  add(line: number, reason: string, fields: string[]): void {
    const changed = fields.some((f) => neutralise(f) !== f);
    this.write([line, reason, changed ? JSON.stringify(fields) : '', ...fields]);
  }

  commit(): void {
    try {
      this.file.commit();
    } catch (err) {
      this.file.abort();
      throw outputFsError(err, this.path, REJECTS);
    }
  }

  abort(): void {
    this.file.abort();
  }
}
