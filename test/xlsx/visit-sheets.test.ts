/**
 * Visit sheets as workbooks (`monitor plan --format xlsx`): drop-down lists with the codes the
 * import accepts, date cells; filled in and saved by LibreOffice, they import back cleanly with
 * `monitor import`. The roster imports from a workbook too.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDI, freshDb, SITI, smallWorld } from '../export/builders.js';
import { openDb, uep, writeFile } from '../helpers.js';
import { convert, sheetsAsShown } from './soffice.js';
import { inflatedParts } from './zip-parts.js';

async function world() {
  const { db, dir, path } = freshDb();
  const { apps } = smallWorld(db);
  db.close();
  const run = (...args: string[]) => uep([...args, '--db', path], { cwd: dir, env: { TZ: 'Asia/Makassar' } });
  return { dir, path, apps, run };
}

describe('monitor plan --format xlsx', () => {
  it('writes sheets with drop-downs and date cells; filled in and saved by LibreOffice they import back', async () => {
    const { dir, path, apps, run } = await world();
    // The roster from a workbook: LibreOffice saves a CSV as .xlsx.
    writeFile(dir, 'petugas.csv', ['id,nama,peran,kecamatan,kabupaten', 'PSM-01,Bunga,PSM,Samarinda Ulu,Samarinda']);
    const [roster] = convert([join(dir, 'petugas.csv')], 'xlsx', dir);
    const imported = await run('monitor', 'monitors', 'import', roster!, '--json');
    expect([imported.code, JSON.parse(imported.stdout)]).toEqual([0, expect.objectContaining({ monitors: 1, inserted: 1 })]);

    const plan = await run('monitor', 'plan', '--out', 'plan', '--format', 'xlsx', '--tanggal-hibah', '2025-03-01', '--quiet');
    expect(plan.code).toBe(0);
    const sheet = join(dir, 'plan', 'kunjungan-psm-01.xlsx');
    const xml = (await inflatedParts(readFileSync(sheet))).get('xl/worksheets/sheet1.xml')!;
    expect(xml).toContain('<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorStyle="stop" sqref="M2:M9"><formula1>&quot;berjalan,kesulitan,berhenti,pindah_usaha&quot;</formula1>');
    expect(xml).toMatch(/<dataValidation type="list"[^>]*errorStyle="warning" sqref="O2:O9"><formula1>&quot;modal,pemasaran,bahan_baku,peralatan,kesehatan,keluarga,lainnya&quot;/);
    expect(xml).toMatch(/<dataValidation type="date"[^>]*sqref="L2:L9"/);

    // LibreOffice opens the sheet; the field worker fills in the first visit of each person; saved as .xlsx again.
    const [flat] = convert([sheet], 'fods', dir);
    // The first visit of each person (kunjungan_ke 1 and bulan_ke 1: LibreOffice writes them as one repeated cell).
    const values = [
      [['date', '2025-04-02'], ['string', 'berjalan'], ['float', '500000'], ['string', 'modal, pemasaran']],
      [['date', '2025-04-03'], ['string', 'kesulitan'], ['float', '250000'], ['string', '']],
    ];
    let filled = 0;
    const tableRows = readFileSync(flat!, 'utf8').split('<table:table-row').map((row) => {
      const at = row.indexOf('<text:p>PSM-01</text:p>');
      if (at < 0 || !row.includes('table:number-columns-repeated="2" office:value-type="float" office:value="1"')) return row;
      const mine = values[filled++]!;
      let cell = 0;
      // The empty cells after petugas, in order: tanggal_kunjungan, status_usaha, omzet_bulanan, kendala (validations kept).
      const after = row.slice(at).replace(/<table:table-cell([^>]*)\/>/g, (empty, attrs: string) => {
        const v = mine[cell++];
        if (!v || v[1] === '') return empty;
        const [type, value] = v as [string, string];
        const typed = type === 'date' ? `office:date-value="${value}"` : type === 'float' ? `office:value="${value}"` : '';
        return `<table:table-cell${attrs} office:value-type="${type}" ${typed}><text:p>${value}</text:p></table:table-cell>`;
      });
      return row.slice(0, at) + after;
    });
    writeFileSync(flat!, tableRows.join('<table:table-row'));
    expect(filled).toBe(2);
    const edited = join(dir, 'edited');
    mkdirSync(edited);
    const [saved] = convert([flat!], 'xlsx', edited);
    const shown = sheetsAsShown([saved!]).get(saved!)!;
    const rows = [...shown.values()][0]!;
    expect(rows[0]!.slice(10, 15)).toEqual(['petugas', 'tanggal_kunjungan', 'status_usaha', 'omzet_bulanan', 'kendala']);
    // As LibreOffice saved it: the masked NIK as text, the filled-in date a date cell (dd-mm-yyyy), the turnover in rupiah.
    expect(rows[1]!.slice(0, 15)).toEqual([String(apps.budi), '6472********0002', '=HYPERLINK("http://x")', '-', 'Dadi Mulya', 'Samarinda Ulu', 'bengkel', '1', '1',
      '01-04-2025', 'PSM-01', '02-04-2025', 'berjalan', 'Rp500,000', 'modal, pemasaran']);

    const back = await run('monitor', 'import', saved!, '--json', '--rejects', join(dir, 'tolak.xlsx'));
    expect(back.code).toBe(0);
    // The visits not yet made stay unfilled: rejected as tanggal_missing, as in a CSV sheet; no blank rows read.
    expect(JSON.parse(back.stdout)).toMatchObject({ read: 8, inserted: 2, rejected: 6, reasons: { tanggal_missing: 6 }, blank: 0 });
    const db = openDb(path);
    expect(db.prepare(`SELECT nik, tanggal_kunjungan, petugas, status_usaha, omzet_bulanan, kendala FROM visits ORDER BY tanggal_kunjungan`).all()).toEqual([
      { nik: BUDI, tanggal_kunjungan: '2025-04-02', petugas: 'PSM-01', status_usaha: 'berjalan', omzet_bulanan: 500000, kendala: 'modal,pemasaran' },
      { nik: SITI, tanggal_kunjungan: '2025-04-03', petugas: 'PSM-01', status_usaha: 'kesulitan', omzet_bulanan: 250000, kendala: null },
    ]);
    db.close();
  });
});
