/**
 * Every file uep reads (an extract, a weights, package values or rubric file) is opened here:
 * a regular file (not a folder, pipe or device: /dev/zero never ends), readable, and no larger
 * than its content can be. Each failure is one UepError naming the file and the fix.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { UepError } from '../errors.js';
import { displayPath } from './display.js';
import { errnoCode, fsReason } from './fs-errors.js';

export interface InputSpec {
  /** What the file holds, for messages ("weights file"); absent for the file an import is given. */
  what?: string;
  /** The option that names it ("--weights"), for the hints. */
  flag?: string;
  /** The largest file accepted, in bytes: small for settings, unbounded for extracts (streamed). */
  maxBytes: number;
}

export const MiB = 1 << 20;

/**
 * An extract to import: streamed in bounded memory, so any size. Pipes are refused too: an
 * import reads its file again (the cells of later duplicates, the line of an error), which a
 * pipe cannot give.
 */
export const IMPORT_FILE: InputSpec = { maxBytes: Infinity };

export interface OpenedInput {
  fd: number;
  size: number;
}

function subject(path: string, spec: InputSpec): string {
  return `cannot read ${spec.what ? `the ${spec.what} ` : ''}${displayPath(path)}`;
}

/** A refusal naming the file, what is wrong with it and the fix. */
export function inputError(path: string, spec: InputSpec, problem: string, hint?: string): UepError {
  return new UepError(`${subject(path, spec)}: ${problem}`, hint);
}

function sizeText(bytes: number): string {
  const mb = bytes / MiB;
  if (bytes < 1024) return `${bytes} bytes`;
  return bytes >= MiB ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** An operating-system error while opening or reading, as the user's problem and its fix. */
export function inputFsError(err: unknown, path: string, spec: InputSpec): Error {
  const code = errnoCode(err);
  if (!code) return err as Error;
  const given = spec.flag ? ` given to ${spec.flag}` : '';
  const to = spec.flag ? ` to ${spec.flag}` : '';
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return inputError(path, spec, 'no such file', `check the name and the folder${given} (a relative path starts from the current folder)`);
    case 'EACCES':
    case 'EPERM':
      return inputError(path, spec, 'permission denied',
        `ask the owner of the file for read access, or copy it to a folder of yours and give the copy${to} (ls -l shows who may read it)`);
    case 'EISDIR':
      return inputError(path, spec, 'it is a folder, not a file', `give the file inside it${to}`);
    default:
      return inputError(path, spec, fsReason(err));
  }
}

/** Refuses what is not a regular file, and a file larger than the spec allows. */
function checkStats(st: Stats, path: string, spec: InputSpec): void {
  const to = spec.flag ? ` to ${spec.flag}` : '';
  if (st.isDirectory()) throw inputError(path, spec, 'it is a folder, not a file', `give the file inside it${to}`);
  if (st.isFIFO()) throw inputError(path, spec, 'it is a pipe, not a file', `save the data to a file first, then give that file${to}`);
  if (!st.isFile()) {
    const kind = st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isSocket() ? 'a socket' : 'not a regular file';
    throw inputError(path, spec, `it is ${kind}, not a file`, `give a file saved on disk${to}`);
  }
  if (st.size > spec.maxBytes) throw tooLarge(path, spec, st.size);
}

/** `size` is the file's size, or (`exact` false) what was read of it when it went past the limit. */
function tooLarge(path: string, spec: InputSpec, size: number, exact = true): UepError {
  const what = spec.what ? `a ${spec.what}` : 'this file';
  const problem = exact ? `it is ${sizeText(size)}, too large for ${what}` : `it holds more than ${sizeText(spec.maxBytes)}, too large for ${what}`;
  return inputError(path, spec, `${problem} (at most ${sizeText(spec.maxBytes)})`, `check that this is the file you meant${spec.flag ? ` for ${spec.flag}` : ''}`);
}

/**
 * Opens a file for reading after checking what it is. The path is checked before opening (opening
 * a pipe would wait for a writer) and what was opened is checked again (the path may have changed).
 */
export function openInputFile(path: string, spec: InputSpec): OpenedInput {
  try {
    checkStats(statSync(path), path, spec);
  } catch (err) {
    throw inputFsError(err, path, spec);
  }
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw inputFsError(err, path, spec);
  }
  try {
    const st = fstatSync(fd);
    checkStats(st, path, spec);
    return { fd, size: st.size };
  } catch (err) {
    closeSync(fd);
    throw inputFsError(err, path, spec);
  }
}

/** A checked read of `bytes` so far: refuses a file that grows past its limit while read. */
export function checkReadSize(path: string, spec: InputSpec, bytes: number): void {
  if (bytes > spec.maxBytes) throw tooLarge(path, spec, bytes, false);
}

/**
 * A small file's bytes, read to its end with the size limit enforced as it is read (a file may grow
 * while read, and files under /proc report a size of 0).
 */
export function readInputFile(path: string, spec: InputSpec): Buffer {
  const { fd } = openInputFile(path, spec);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 16);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      checkReadSize(path, spec, total);
      chunks.push(chunk.subarray(0, n));
    }
  } catch (err) {
    throw inputFsError(err, path, spec);
  } finally {
    closeSync(fd);
  }
  return Buffer.concat(chunks, total);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A small text file (weights, rubric): its bytes, and its text without a BOM. A binary, UTF-16
 * or non-UTF-8 file is refused here, so no later message quotes raw bytes.
 */
export function readInputText(path: string, spec: InputSpec): { bytes: Buffer; text: string } {
  const bytes = readInputFile(path, spec);
  const saveAsUtf8 = `save it as UTF-8 text (in Excel: "CSV UTF-8"; in an editor: encoding UTF-8) and give it again${spec.flag ? ` to ${spec.flag}` : ''}`;
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw inputError(path, spec, 'the file is UTF-16 encoded', saveAsUtf8);
  }
  const to = spec.flag ? ` to ${spec.flag}` : '';
  if (bytes.includes(0)) throw inputError(path, spec, 'it is not a text file (it holds NUL bytes)', `give the ${spec.what ?? 'file'} itself${to}, as UTF-8 text`);
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw inputError(path, spec, 'it is not UTF-8 text', saveAsUtf8);
  }
  return { bytes, text };
}
