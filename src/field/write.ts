/**
 * Writes a form: the XLSForm (`asesmen.xlsx`), the XForm beside it with the same name
 * (`asesmen.xml`) and its CSV attachments in the same folder (`pendaftar.csv` …). Every target is
 * checked before the first is written; each is written to a temporary name and renamed, 0600.
 */
import { basename, dirname, join } from 'node:path';
import { encodeCsv } from '../export/csv.js';
import { writeFileAtomic } from '../fsutil/atomic.js';
import { databaseFiles, prepareOutputFile, type OutputSpec } from '../fsutil/output.js';
import type { FormModel } from './model.js';
import { xlsFormBytes } from './xlsform.js';
import { writeXForm } from './xform.js';

export interface WrittenForm {
  form_id: string;
  version: string;
  files: { file: string; kind: 'xlsform' | 'xform' | 'attachment'; rows?: number }[];
}

const OUT: OutputSpec = { what: 'form file', flag: '--out' };

/** `out` names the .xlsx; the rest go beside it. */
export async function writeForm(model: FormModel, out: string, o: { force: boolean; database?: string }): Promise<WrittenForm> {
  const dir = dirname(out);
  const xml = join(dir, `${basename(out).replace(/\.xlsx$/i, '')}.xml`);
  const targets = [out, xml, ...model.attachments.map((a) => join(dir, a.file))];
  const protect = databaseFiles(o.database);
  for (const path of targets) prepareOutputFile(path, OUT, { overwrite: o.force, protect });
  const workbook = await xlsFormBytes(model);
  const xform = writeXForm(model);
  for (const a of model.attachments) writeFileAtomic(join(dir, a.file), encodeCsv(a.columns, a.rows));
  writeFileAtomic(xml, xform);
  writeFileAtomic(out, workbook);
  return {
    form_id: model.id,
    version: model.version,
    files: [
      { file: out, kind: 'xlsform' },
      { file: xml, kind: 'xform' },
      ...model.attachments.map((a) => ({ file: join(dir, a.file), kind: 'attachment' as const, rows: a.rows.length })),
    ],
  };
}
