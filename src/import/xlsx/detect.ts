import { closeSync, readSync } from 'node:fs';
import { IMPORT_FILE, openInputFile } from '../../fsutil/input.js';
import { isZip } from '../../xlsx/reader.js';

/**
 * Whether a file is a zip container (an .xlsx), by its first bytes rather than its name: a
 * workbook renamed .csv is still a workbook, and a CSV named .xlsx is still text. Opened through
 * the one input check, so a pipe or a device never blocks here.
 */
export function isXlsxFile(file: string): boolean {
  let fd: number;
  try {
    fd = openInputFile(file, IMPORT_FILE).fd;
  } catch {
    return false; // the CSV reader reports what is wrong with the file
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
