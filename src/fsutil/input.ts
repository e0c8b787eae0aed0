/**
 * Every file uep reads (an extract, a weights, package values or rubric file) is opened here:
 * a regular file (not a folder, pipe or device: /dev/zero never ends), readable, and no larger
 * than its content can be. Each failure is one UepError naming the file and the fix.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { UepError } from '../errors.js';
import { formatNumber } from '../format/number.js';
import { language, t } from '../i18n/index.js';
import { displayPath } from './display.js';
import { errnoCode, fsReason } from './fs-errors.js';

export interface InputSpec {
  /** What the file holds, as a catalogue key ('files:what.weights'); absent for the file an import is given. */
  what?: string;
  /** The option that names it ("--weights"), for the hints; given with `what`. */
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
  const file = displayPath(path);
  return spec.what ? t('files:input.subject_what', { what: t(spec.what), file }) : t('files:input.subject', { file });
}

/** A refusal naming the file, what is wrong with it and the fix. */
export function inputError(path: string, spec: InputSpec, problem: string, hint?: string): UepError {
  return new UepError(t('files:input.error', { subject: subject(path, spec), problem }), hint);
}

/** A hint of the catalogue, in its form naming the option when the file came from one. */
function hint(plain: string, withFlag: string, spec: InputSpec): string {
  return spec.flag ? t(withFlag, { flag: spec.flag, what: spec.what ? t(spec.what) : '' }) : t(plain);
}

function sizeText(bytes: number): string {
  const lang = language();
  if (bytes < 1024) return t('files:size.bytes', { n: bytes });
  return bytes >= MiB ? t('files:size.mb', { n: formatNumber(bytes / MiB, lang, 1) }) : t('files:size.kb', { n: formatNumber(Math.ceil(bytes / 1024), lang) });
}

/** An operating-system error while opening or reading, as the user's problem and its fix. */
export function inputFsError(err: unknown, path: string, spec: InputSpec): Error {
  const code = errnoCode(err);
  if (!code) return err as Error;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return inputError(path, spec, t('files:input.no_such_file'), hint('files:input.no_such_file_hint', 'files:input.no_such_file_hint_flag', spec));
    case 'EACCES':
    case 'EPERM':
      return inputError(path, spec, t('files:input.permission_denied'), hint('files:input.permission_hint', 'files:input.permission_hint_flag', spec));
    case 'EISDIR':
      return inputError(path, spec, t('files:input.is_folder'), hint('files:input.is_folder_hint', 'files:input.is_folder_hint_flag', spec));
    default:
      return inputError(path, spec, fsReason(err));
  }
}

/** Refuses what is not a regular file, and a file larger than the spec allows. */
function checkStats(st: Stats, path: string, spec: InputSpec): void {
  if (st.isDirectory()) throw inputError(path, spec, t('files:input.is_folder'), hint('files:input.is_folder_hint', 'files:input.is_folder_hint_flag', spec));
  if (st.isFIFO()) throw inputError(path, spec, t('files:input.is_pipe'), hint('files:input.is_pipe_hint', 'files:input.is_pipe_hint_flag', spec));
  if (!st.isFile()) {
    const kind = st.isCharacterDevice() || st.isBlockDevice() ? 'files:input.is_device' : st.isSocket() ? 'files:input.is_socket' : 'files:input.not_regular';
    throw inputError(path, spec, t(kind), hint('files:input.on_disk_hint', 'files:input.on_disk_hint_flag', spec));
  }
  if (st.size > spec.maxBytes) throw tooLarge(path, spec, st.size);
}

/** `size` is the file's size, or (`exact` false) what was read of it when it went past the limit. */
function tooLarge(path: string, spec: InputSpec, size: number, exact = true): UepError {
  const key = exact
    ? (spec.what ? 'files:input.too_large_what' : 'files:input.too_large')
    : (spec.what ? 'files:input.too_large_growing_what' : 'files:input.too_large_growing');
  const problem = t(key, { size: sizeText(exact ? size : spec.maxBytes), max: sizeText(spec.maxBytes), what: spec.what ? t(spec.what) : '' });
  return inputError(path, spec, problem, hint('files:input.too_large_hint', 'files:input.too_large_hint_flag', spec));
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
  const saveAsUtf8 = hint('files:input.save_utf8_hint', 'files:input.save_utf8_hint_flag', spec);
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw inputError(path, spec, t('files:input.utf16'), saveAsUtf8);
  }
  if (bytes.includes(0)) throw inputError(path, spec, t('files:input.not_text'), hint('files:input.not_text_hint', 'files:input.not_text_hint_flag', spec));
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw inputError(path, spec, t('files:input.not_utf8'), saveAsUtf8);
  }
  return { bytes, text };
}
