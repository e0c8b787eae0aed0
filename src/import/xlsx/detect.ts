import { closeSync, openSync, readSync } from 'node:fs';
import { isZip } from '../../xlsx/reader.js';

/**
 * Whether a file is a zip container (an .xlsx), by its first bytes rather than its name: a
 * workbook renamed .csv is still a workbook, and a CSV named .xlsx is still text.
 */
export function isXlsxFile(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false; // the CSV reader reports a missing file properly
  }
  try {
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && isZip(head);
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}
