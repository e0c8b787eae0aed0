/**
 * What an operating-system error on a file means, in words a user can act on. Every file uep
 * opens or writes turns these into a UepError naming the path (input.ts, output.ts), so an
 * ordinary environment failure is never an "unexpected error".
 */

const PHRASES: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large for this file system',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many levels of symbolic links',
  EEXIST: 'it already exists',
  ENOTEMPTY: 'a folder of that name already holds files',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files on this machine',
  EIO: 'input/output error (a failing disk or a lost network share?)',
  EBUSY: 'it is in use',
  ENXIO: 'no such device',
  ENODEV: 'no such device',
  ETXTBSY: 'it is in use by a running program',
  EXDEV: 'it is on another file system',
  EINVAL: 'the file system does not allow this',
  ESTALE: 'a stale network file handle',
};

/** The error code of a Node file system error (`ENOENT` …), or undefined for other errors. */
export function errnoCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** "permission denied", "the disk is full" … for a file system error; its own text for a code we do not know. */
export function fsReason(err: unknown): string {
  const code = errnoCode(err);
  if (code && PHRASES[code]) return PHRASES[code];
  // Node's text is "CODE: what, syscall 'path'": keep "what", never the path (printed escaped elsewhere).
  const m = /^E[A-Z0-9]+: ([^,]+)/.exec((err as Error)?.message ?? '');
  return m ? `${m[1]} (${code})` : code ?? String((err as Error)?.message ?? err);
}
