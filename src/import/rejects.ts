import { csvLine, neutralise } from '../export/csv.js';
import { AtomicFile } from '../fsutil/atomic.js';
import { atomicWritable } from '../fsutil/atomic-stream.js';
import { databaseFiles, outputFsError, prepareOutputFile, type OutputSpec } from '../fsutil/output.js';
import { openBook, type Book } from '../xlsx/write/book.js';
import { openTableSheet, type OpenTableSheet } from '../xlsx/write/table-sheet.js';

const REJECTS: OutputSpec = { what: 'rejects file', flag: '--rejects' };

export interface RejectsOptions {
  /** Replace an existing file of that name (`--force`). */
  overwrite: boolean;
  /** The file being imported: never replaced, also not through a link. */
  input: string;
  /** The database's file (`db.name`): never replaced either. */
  database?: string;
}

/** Characters a workbook cell cannot keep as they are (XML control characters; spaces at the ends, which spreadsheets trim). */
const NOT_KEPT_IN_XLSX = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|^\s|\s$/;

/**
 * Writes rejected rows to a temporary file beside the target, renamed into place only when the
 * import finishes: never a half-written file. Columns: line, reason, raw, then the original fields.
 * A name ending in .xlsx gives a workbook (one sheet, text cells: nothing to neutralise); any other
 * name a CSV file. Analysts open rejects files in Excel like any export, so CSV cells are
 * neutralised the same way (export/csv.ts); when that changed a cell of the row (or, in a workbook,
 * a cell holds what a cell cannot keep), `raw` holds the row's original cells as a JSON array, so
 * the file's bytes can always be recovered exactly.
 */
export class RejectsWriter {
  private readonly file: AtomicFile;
  private readonly book?: { book: Book; sheet: OpenTableSheet };
  /** A write error of the workbook's stream (e.g. a full disk), reported at commit. */
  private failed: Error | undefined;

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
    const columns = ['line', 'reason', 'raw', ...header];
    if (/\.xlsx$/i.test(path)) {
      const sink = atomicWritable(this.file).on('error', (err) => (this.failed ??= err));
      const book = openBook(sink);
      const sample = [columns.map((c) => (c === 'raw' ? 'x'.repeat(20) : c))];
      // Every cell a text cell as read (a NIK keeps its digits), the line a number.
      const kinds = columns.map((name, i) => ({ name, kind: i === 0 ? ('general' as const) : ('identifier' as const) }));
      this.book = { book, sheet: openTableSheet(book, { name: 'rejects', columns: kinds }, sample) };
    } else {
      this.write(columns);
    }
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
    if (this.book) {
      const changed = fields.some((f) => NOT_KEPT_IN_XLSX.test(f));
      this.book.sheet.add([line, reason, changed ? JSON.stringify(fields) : '', ...fields]);
      return;
    }
    const changed = fields.some((f) => neutralise(f) !== f);
    this.write([line, reason, changed ? JSON.stringify(fields) : '', ...fields]);
  }

  /** Between batches: lets a workbook's rows go to the file, so memory stays flat however many rows are rejected. */
  async flush(): Promise<void> {
    if (this.book) await this.book.sheet.drain();
  }

  async commit(): Promise<void> {
    try {
      if (this.book) {
        this.book.sheet.close();
        await this.book.sheet.drain();
        if (this.failed) throw this.failed;
        await this.book.book.finish();
        if (this.failed) throw this.failed;
      }
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
