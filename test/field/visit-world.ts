/** The monitoring world of the phone visit form's tests, and a field worker filling the form in ODK's engine. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { getRun } from '../../src/allocate/store.js';
import { importMonitors } from '../../src/monitor/monitors.js';
import { writeVisitPlan } from '../../src/monitor/sheets.js';
import { writeFile } from '../helpers.js';
import { freshDb, smallWorld } from '../export/builders.js';
import { answer, leaves, openForm, submit, violations } from './odk-engine.js';

export async function world() {
  const { db, dir, path } = freshDb();
  const { runId, apps } = smallWorld(db);
  await importMonitors(db, writeFile(dir, 'petugas-roster.csv', [
    'id,nama,peran,kecamatan,kabupaten', 'PSM-01,Bunga,PSM,Samarinda Ulu,Samarinda', 'TKSK-02,Yohanes,TKSK,Loa Janan,Kutai Kartanegara',
  ]));
  await writeVisitPlan(db, { run: getRun(db, runId), now: new Date('2025-03-02T00:00:00Z'), dir: join(dir, 'plan') });
  return { db, dir, path, runId, apps };
}

export const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');
/** tanggal: YYYY-MM-DD (default: the form's, today). */
export type VisitAnswers = { status: string; omzet?: number; kendala?: string[]; tindak?: string; rujukan?: string[]; tanggal?: string };

export async function fillVisit(xml: string, files: Record<string, string>, who: { petugas?: string; id: number }, v: VisitAnswers): Promise<string> {
  const root = await openForm(xml, files);
  if (who.petugas) answer(root, '/data/petugas', who.petugas);
  answer(root, '/data/id_penerima', String(who.id));
  if (v.tanggal) answer(root, '/data/tanggal_kunjungan', v.tanggal);
  answer(root, '/data/grp_usaha/status_usaha', v.status);
  if (v.omzet !== undefined) answer(root, '/data/grp_usaha/omzet_bulanan', v.omzet);
  answer(root, '/data/grp_usaha/kendala', v.kendala ?? []);
  if (v.tindak) answer(root, '/data/grp_usaha/tindak_lanjut', v.tindak);
  answer(root, '/data/grp_usaha/rujukan', v.rujukan ?? []);
  expect(violations(root)).toEqual([]);
  return (await submit(root)).xml;
}

export const instanceOf = (xml: string) => leaves(xml).find((l) => l.path.join('/') === 'meta/instanceID')!.value;
