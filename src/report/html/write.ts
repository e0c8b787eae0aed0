/**
 * Writes one report file as every export does: under a temporary name in the same folder, flushed,
 * then moved into place, mode 0600 (folders 0700). Without `force` an existing file is never
 * replaced: the finished file is hard-linked to its name, which fails if the name exists, even if
 * another process created it a moment ago.
 */
import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UepError } from '../../errors.js';
import { AtomicFile, DIR_MODE, syncDir } from '../../fsutil/atomic.js';
import { t } from '../../i18n/index.js';

export interface WrittenReport {
  file: string;
  bytes: number;
  sha256: string;
}

export function writeReportFile(path: string, content: string, options: { force?: boolean } = {}): WrittenReport {
  const data = Buffer.from(content, 'utf8');
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    // absent: the usual case
  }
  if (isDir) throw new UepError(t('report_html:errors.is_folder', { path }), t('report_html:errors.is_folder_hint'));
  mkdirSync(dirname(path), { recursive: true, mode: DIR_MODE });
  const file = new AtomicFile(path);
  try {
    file.write(data);
    if (options.force) file.rename();
    else {
      file.finish();
      try {
        linkSync(file.tmp, path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new UepError(t('report_html:errors.exists', { path }), t('report_html:errors.exists_hint'));
        throw err;
      }
      rmSync(file.tmp, { force: true });
    }
  } catch (err) {
    file.abort();
    throw err;
  }
  syncDir(dirname(path));
  return { file: path, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
}
