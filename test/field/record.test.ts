import { afterEach, describe, expect, it, vi } from 'vitest';
import { prompters } from '../../src/cli/prompts.js';
import { findBeneficiaries } from '../../src/monitor/find.js';
import { importMonitors } from '../../src/monitor/monitors.js';
import { uep, writeFile } from '../helpers.js';
import { ScriptedPrompter, type Asked } from '../assess/scripted.js';
import { BUDI, freshDb, JOKO, RINA, SITI, smallWorld } from '../export/builders.js';

async function world() {
  const { db, dir, path } = freshDb();
  const { apps } = smallWorld(db);
  await importMonitors(db, writeFile(dir, 'roster.csv', ['id,nama,peran,kecamatan,kabupaten', 'PSM-01,Bunga,PSM,Samarinda Ulu,Samarinda']));
  return { db, dir, path, apps };
}

afterEach(() => vi.restoreAllMocks());

describe('finding the beneficiary of a visit', () => {
  it('by id_penerima, masked NIK, name or full NIK; digits match only what the sheets show', async () => {
    const { db, apps } = await world();
    const ids = (q: string) => findBeneficiaries(db, q).map((c) => c.id_penerima);
    expect(ids(String(apps.siti))).toEqual([apps.siti]);
    expect(ids('6472********0001')).toEqual([apps.siti]);
    expect(ids("'6472********0002")).toEqual([apps.budi]);
    expect(ids('siti')).toEqual([apps.siti]);
    expect(ids('samarinda ulu').sort()).toEqual([apps.siti, apps.budi].sort());
    expect(ids(SITI)).toEqual([apps.siti]);
    expect(ids('0004')).toEqual([apps.joko]); // the last four digits the masked NIK shows
    expect(ids(JOKO.slice(4, 12))).toEqual([]); // the hidden middle of the NIK
    expect(ids(RINA)).toEqual([]); // waitlisted: not a beneficiary
    expect(ids(String(apps.rina))).toEqual([]);
  });

  it('without a terminal: one match still needs a terminal (exit 2); several are listed by id_penerima, never by name (exit 1)', async () => {
    const { dir, path, apps } = await world();
    const one = await uep(['monitor', 'record', String(apps.siti), '--db', path], { cwd: dir });
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('use `uep monitor import <file>`');
    const several = await uep(['monitor', 'record', 'samarinda', '--db', path], { cwd: dir });
    expect(several.code).toBe(1);
    expect(several.stderr).toContain('2 beneficiaries match the search: ');
    expect(several.stderr).toContain(`${apps.siti} (6472********0001)`);
    expect(several.stderr).toContain(`${apps.budi} (6472********0002)`);
    expect(several.stderr).not.toMatch(/Siti|HYPERLINK/);
    const none = await uep(['monitor', 'record', '6401********8325', '--db', path], { cwd: dir, env: { UEP_LANG: 'id' } });
    expect(none).toMatchObject({ code: 1, stderr: expect.stringContaining('tidak ada penerima putaran final yang cocok') });
  });

  it('on a terminal: typing the id_penerima of the visit sheet records the visit; several matches are picked from a list', async () => {
    const { db, dir, path, apps } = await world();
    const visit = (pick?: string) => (asked: Asked): unknown => {
      if (asked.message.startsWith('Choose the beneficiary')) return pick;
      if (asked.message.startsWith('Visit date')) return '2025-04-02';
      if (asked.message.startsWith('Field worker')) return 'PSM-01';
      if (asked.message === 'Business status') return 'berjalan';
      if (asked.kind === 'checkbox') return [];
      if (asked.kind === 'confirm') return true;
      return '';
    };
    let ask = new ScriptedPrompter(visit());
    vi.spyOn(prompters, 'create').mockImplementation(() => ask);
    const r = await uep(['monitor', 'record', String(apps.siti), '--db', path], { cwd: dir, tty: true });
    expect(r.stderr).toContain('Saved: 6472********0001 2025-04-02 berjalan');
    expect(r.code).toBe(0);
    expect(ask.asked.some((a) => a.message.startsWith('Choose'))).toBe(false);

    ask = new ScriptedPrompter(visit(BUDI));
    expect((await uep(['monitor', 'record', 'samarinda', '--db', path], { cwd: dir, tty: true })).code).toBe(0);
    const pick = ask.asked.find((a) => a.message.startsWith('Choose the beneficiary'))!;
    expect(pick.message).toBe('Choose the beneficiary (2 match)');
    expect(pick.choices!.map((c) => c.name)).toEqual([
      `${apps.budi} · 6472********0002 · =HYPERLINK("http://x") · Dadi Mulya, Samarinda Ulu`,
      `${apps.siti} · 6472********0001 · Siti Aminah · Air Hitam, Samarinda Ulu`,
    ]);
    expect(db.prepare(`SELECT nik, tanggal_kunjungan, sumber FROM visits ORDER BY nik`).all()).toEqual([
      { nik: BUDI, tanggal_kunjungan: '2025-04-02', sumber: 'record' }, { nik: SITI, tanggal_kunjungan: '2025-04-02', sumber: 'record' },
    ]);
  });
});
