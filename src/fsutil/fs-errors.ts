/**
 * What an operating-system error on a file means, in words a user can act on. Every file uep
 * opens or writes turns these into a UepError naming the path (input.ts, output.ts), so an
 * ordinary environment failure is never an "unexpected error".
 */
import { t } from '../i18n/index.js';

/** The codes explained in the catalogue (files:fs.<code in lower case>). */
const KNOWN = new Set([
  'ENOENT', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EFBIG', 'EISDIR', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP', 'EEXIST',
  'ENOTEMPTY', 'EMFILE', 'ENFILE', 'EIO', 'EBUSY', 'ENXIO', 'ENODEV', 'ETXTBSY', 'EXDEV', 'EINVAL', 'ESTALE',
]);

/** The error code of a Node file system error (`ENOENT` …), or undefined for other errors. */
export function errnoCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** "permission denied", "the disk is full" … for a file system error; its own text for a code we do not know. */
export function fsReason(err: unknown): string {
  const code = errnoCode(err);
  if (code && KNOWN.has(code)) return t(`files:fs.${code.toLowerCase()}`);
  // Node's text is "CODE: what, syscall 'path'": keep "what", never the path (printed escaped elsewhere).
  const m = /^E[A-Z0-9]+: ([^,]+)/.exec((err as Error)?.message ?? '');
  return m ? `${m[1]} (${code})` : code ?? String((err as Error)?.message ?? err);
}
