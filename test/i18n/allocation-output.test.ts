/**
 * Issue 12 for what scoring, allocation, explain, exports and reports print for people: Indonesian
 * words and formats (1.500, Rp4.750.000, 80,0%, 15-03-2026) with no English left, and --json
 * the same bytes in both languages.
 */
import { describe, expect, it } from 'vitest';
import { tempDir, uep } from '../helpers.js';
import { dbIn } from '../allocate/builders.js';
import { englishIn } from './english.js';
import { allocationWorld, BUDI, exportWorld, reportWorld, scoredWorld, SITI, type Runner } from './worlds.js';

/** No English, on stdout and stderr alike (the "hint:" label is main.ts's, checked there). */
function expectNoEnglish(text: string): void {
  expect(englishIn(text), text).toEqual([]);
}

/** --json in both languages, byte for byte after `normalise` (only for what a run cannot repeat: its time). */
async function sameJson(run: Runner, args: string[], normalise: (doc: string) => string = (d) => d): Promise<unknown> {
  const id = await run('id', ...args, '--json');
  const en = await run('en', ...args, '--json');
  expect([id.code, en.code], id.stderr + en.stderr).toEqual([0, 0]);
  expect(normalise(id.stdout)).toBe(normalise(en.stdout));
  return JSON.parse(id.stdout);
}

describe('human output in Indonesian', () => {
  it('score and explain: the summary, every rule, the components, the total and the allocation, as Indonesians write them', async () => {
    const w = await scoredWorld();
    const s = await w.run('id', 'score');
    expect(s.code).toBe(0);
    expect(s.stderr).toMatch(/^Penilaian selesai: 2 pendaftaran tahun 2026 yang sudah diasesmen, dengan rubrik 2026\.1 .* dalam \d+(,\d+)? detik\n/);
    expect(s.stderr).toContain('fit_below_min — skor kesesuaian usaha di bawah batas minimum: 1');
    expectNoEnglish(s.stderr);

    expect((await w.run('en', 'allocate', '--slots', '1', '--quiet')).code).toBe(0);
    const e = await w.run('id', 'explain', SITI);
    expect(e.code).toBe(0);
    const lines = e.stdout.split('\n');
    expect(lines[0]).toBe('Siti Aminah · NIK 6472********0001 · Samarinda · pendaftaran 2026 (eligible — dinilai memenuhi syarat)');
    expect(lines[1]).toBe('  jenis usaha yang diajukan Gorengan, terdaftar 10-01-2026');
    expect(e.stdout).toContain('diasesmen 01-02-2026 oleh Rahmawati (formulir yang diimpor)');
    expect(e.stdout).toContain('✓ umur 40 tahun pada tanggal asesmen (batas 18–60 tahun)');
    expect(e.stdout).toMatch(/desil\s+data: 2\s+0,75\s+30\s+22,5/);
    expect(e.stdout).toContain('Skor total 88,75 × 50% + 91 × 50% = 89,88');
    expect(e.stdout).toContain('hasil: selected — terpilih sebagai penerima');
    expect(e.stdout).toContain('alasan: quota — masuk dalam kuota kabupaten/kota');
    expect(e.stdout).toContain('nilai paket Rp4.500.000');
    expectNoEnglish(e.stdout);

    const b = await w.run('id', 'explain', BUDI);
    expect(b.stdout).toContain('✗ kesesuaian usaha 23 (paling rendah 50) → fit_below_min');
    expect(b.stdout).toMatch(/syarat belum terpenuhi: .* → skor kesesuaian dibatasi/);
    // A run exists; Budi, not eligible, is not ranked in it (it once said there was no run at all).
    expect(b.stdout).toMatch(/\n {2}tidak diperingkat dalam alokasi \d+ \(.+\): alokasi hanya memeringkat pendaftar yang memenuhi syarat/);
    expect(JSON.parse((await w.run('id', 'explain', BUDI, '--json')).stdout)).toMatchObject({ allocation: null, run: { run_id: expect.any(Number), status: 'draft' } });
    expectNoEnglish(b.stdout);
  });

  it('allocate: parameters, moves, the regency table and the totals; list, verify, replace, compare', async () => {
    const w = allocationWorld();
    const big = await w.run('id', 'allocate', '--slots', '1500', '--weights', 'w.csv', '--method', 'equal', '--budget', '10.000.000.000', '--dry-run');
    expect(big.code, big.stderr).toBe(0);
    expect(big.stderr).toContain('Alokasi 2026: 1.500 paket, metode equal untuk 3 kabupaten/kota, seed "2026".');
    expect(big.stderr).toContain('Cadangan: 10% dari setiap kuota, dibulatkan ke atas.');
    expect(big.stderr).toContain('  putaran 1: 1.436 kuota tidak terpakai: tidak ada lagi kabupaten/kota yang memiliki KK memenuhi syarat');
    expect(big.stderr).toMatch(/\nTerpilih 64 dari 1\.500 paket \(1\.436 tidak terpakai\), cadangan 0, dilewati karena satu KK 0; nilai paket Rp\d{3}\.\d{3}\.000 dari anggaran Rp10\.000\.000\.000\.\n/);
    expectNoEnglish(big.stdout + big.stderr);

    const r = await w.run('id', 'allocate', '--slots', '60', '--weights', 'w.csv', '--method', 'equal');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('pembagian ulang putaran 1: Mahakam Ulu hanya dapat memakai 4 dari 20 — 16 kuota dilepas, dibagi ulang dengan metode equal: Samarinda +8, Paser +8');
    expect(r.stdout).toMatch(/^kabupaten\/kota\s+kuota\s+pendaftar memenuhi syarat\s+KK memenuhi syarat\s+terpilih\s+cadangan\s+skor batas\s+% perempuan\s+% PKH\s+Rp juta\n/);
    expect(r.stdout).toMatch(/\nSamarinda\s+28\s+30\s+30\s+28\s+2\s+63\s+50\s+35,7\s+133\n/);
    expect(r.stdout).toMatch(/\nJUMLAH\s+60\s+64\s+64\s+60\s+4\s+/);
    expect(r.stderr).toContain('Disimpan sebagai alokasi draf 1');
    expectNoEnglish(r.stdout + r.stderr);

    const tie = await w.run('id', 'allocate', '--slots', '31', '--weights', 'w.csv', '--method', 'equal', '--dry-run');
    expect(tie.stderr).toMatch(/nilai sama untuk jatah ke-31: .* — dibagi rata: 31 jatah untuk 3 wilayah; diberikan kepada .* \(lebih awal dalam daftar\)/);
    expect(tie.stderr).toContain('Uji coba: tidak ada yang disimpan.');
    expectNoEnglish(tie.stdout + tie.stderr);

    const list = await w.run('id', 'allocate', 'list');
    expect(list.stdout).toMatch(/^alokasi\s+tahun\s+status\s+metode\s+paket\s+seed\s+dibuat\s+ditetapkan\n/);
    expect(list.stdout).toMatch(/\n1\s+2026\s+draf\s+equal\s+60\s+2026\s+\d\d-\d\d-\d{4} \d\d\.\d\d\.\d\d /);
    expectNoEnglish(list.stdout);

    const verify = await w.run('id', 'allocate', 'verify', '1');
    expect(verify.stderr).toBe('Masukan tidak berubah sejak alokasi dibuat (calon penerima, skor, rubrik dan parameter sama).\n'
      + 'Alokasi 1 (draf) menghasilkan hasil yang sama persis setelah dihitung ulang.\n');

    const replace = await w.run('id', 'allocate', 'replace', w.niks[0]!, '--reason', 'mengundurkan diri');
    expect(replace.stderr).toMatch(/^Alokasi 1 \(draf\): 6472\*{8}\d{4} \(peringkat 1\) digantikan; 6472\*{8}\d{4} \(peringkat 29, cadangan ke-1\) terpilih sebagai penggantinya\.\n$/);
    const open = await w.run('id', 'allocate', 'replace', w.niks[60]!, '--reason', 'pindah domisili');
    expect(open.stderr).toMatch(/^Alokasi 1 \(draf\): 6411\*{8}\d{4} \(peringkat 1\) digantikan; daftar cadangan kabupaten\/kota ini kosong: kuotanya tetap terbuka\.\n$/);

    const compare = await w.run('id', 'allocate', 'compare', '--method', 'equal,dhondt', '--slots', '30', '--weights', 'w.csv');
    expect(compare.stdout).toMatch(/^Penerima per kabupaten\/kota:\nkabupaten\/kota\s+pendaftar memenuhi syarat\s+KK memenuhi syarat\s+equal\s+dhondt\n/);
    expect(compare.stdout).toContain('Skor batas per kabupaten/kota:');
    expect(compare.stdout).toMatch(/\nmetode\s+terpilih\s+tidak terpakai\s+pengalihan\s+nilai sama\s+Rp juta\n/);
    expectNoEnglish(compare.stdout + compare.stderr);
  });

  it('verify of a changed pool, field by field, with the differing rows', async () => {
    const w = allocationWorld();
    expect((await w.run('en', 'allocate', '--slots', '30', '--quiet')).code).toBe(0);
    const db = dbIn(w.dir);
    db.prepare(`UPDATE scores SET total_score = 10 WHERE application_id = 1`).run();
    db.close();
    const r = await w.run('id', 'allocate', 'verify', '1');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Masukan BERUBAH sejak alokasi dibuat');
    expect(r.stderr).toContain('Skor total berubah untuk 1 pendaftar (pendaftaran 1).');
    expect(r.stderr).toMatch(/Alokasi 1: \d+ baris hasil berbeda setelah dihitung ulang\./);
    expect(r.stdout).toMatch(/^pendaftaran\s+kabupaten\/kota\s+tersimpan\s+hasil hitung ulang\n/);
    expect(r.stdout).toMatch(/\n1\s+Samarinda\s+selected — terpilih sebagai penerima · quota — masuk dalam kuota kabupaten\/kota · peringkat 1 · skor 90 · Rp4\.500\.000/);
    expectNoEnglish(r.stdout + r.stderr);
  });

  it('quota: the table and the tie', async () => {
    const r = await uep(['quota', '--slots', '1501'], { cwd: tempDir(), env: { UEP_LANG: 'id' } });
    expect(r.stdout).toMatch(/^wilayah\s+bobot\s+jatah\n/);
    expect(r.stdout).toMatch(/\nPaser\s+1\s+151\n/);
    expect(r.stderr).toBe('nilai sama untuk jatah ke-1501: Paser, Kutai Kartanegara, Berau, Kutai Barat, Kutai Timur, Penajam Paser Utara, Mahakam Ulu, '
      + 'Balikpapan, Samarinda, Bontang — dibagi rata: 1.501 jatah untuk 10 wilayah; diberikan kepada Paser (lebih awal dalam daftar)\n');
  });

  it('export allocation: the summary line and the list of files', async () => {
    const w = exportWorld();
    const r = await w.run('id', 'export', 'allocation', '--out', 'lampiran');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Alokasi 1 \(2025, ditetapkan\) diekspor: 4 penerima, 1 dalam daftar cadangan, Rp19\.500\.000 → .*lampiran \(7 berkas, NIK disamarkan\)\n$/);
    expect(r.stdout).toMatch(/^berkas\s+baris\s+sha256\n/);
    expectNoEnglish(r.stdout + r.stderr);
    const full = await w.run('id', 'export', 'allocation', '--out', 'sk', '--no-mask-nik');
    expect(full.stderr).toContain('NIK TIDAK disamarkan');
  });

  it('report monitoring and report summary: headings, bars, dates and shares as Indonesians write them', async () => {
    const w = reportWorld();
    const m = await w.run('id', 'report', 'monitoring', '--as-of', '2026-03-15');
    expect(m.code).toBe(0);
    expect(m.stdout.split('\n').slice(0, 4)).toEqual([
      'Kelangsungan usaha · alokasi 1 (2025) · per 15-03-2026 · hibah 01-03-2025',
      'Masih berjalan pada kunjungan terakhir: 80,0% (4 dari 5 yang dikunjungi) · skema lama 46% +34,0 poin',
      'Belum dikunjungi: 1 dari 6 (tidak dihitung dalam persentase)',
      'Status pada kunjungan terakhir: berjalan 3 · kesulitan 0 · berhenti 1 · pindah_usaha 1',
    ]);
    expect(m.stdout).toMatch(/\n6472 Samarinda +█+[▉-▏]? *┊? + 66,7%  2\/3\n/);
    expect(m.stdout).toContain('Kunjungan terlambat: 5');
    expect(m.stdout).toMatch(/petugas\s+nik\s+nama\s+kecamatan\s+kunjungan ke\s+jadwal\s+hari terlambat\s+terlewat/);
    expect(m.stdout).toMatch(/\nM2 +6402\*{8}0014 +Dodi +640203 +1 +01-04-2025 +348 +4\n/);
    expectNoEnglish(m.stdout + m.stderr);

    const s = await w.run('id', 'report', 'summary', '--as-of', '2026-03-15');
    expect(s.stdout.split('\n').slice(0, 3)).toEqual([
      'UEP 2025', 'Pendaftar: 6 pendaftaran · 6 memenuhi syarat dan diperingkat',
      'Alokasi 1 (ditetapkan): 6 penerima di 2 kabupaten/kota · 0 dalam daftar cadangan · perempuan 66,7%',
    ]);
    expect(s.stdout).toContain('Pemantauan (per 15-03-2026): 5 dari 6 sudah dikunjungi · masih berjalan 80,0% (+34,0 poin dibanding skema lama 46%)');
    expectNoEnglish(s.stdout + s.stderr);

    const out = await w.run('id', 'report', 'monitoring', '--as-of', '2026-03-15', '--out', 'laporan');
    expect(out.stderr).toMatch(/^Laporan pemantauan ditulis ke .*laporan \(9 berkas\)\n$/);
  });
});

describe('--json is the same in both languages', () => {
  it('score and explain (the time of scoring and its duration aside)', async () => {
    const w = await scoredWorld();
    const times = (d: string) => d.replace(/"scored_at": "[^"]+"/g, '"scored_at": "T"').replace(/"seconds": [\d.e-]+/, '"seconds": 0');
    await sameJson(w.run, ['score'], times);
    expect((await w.run('en', 'allocate', '--slots', '1', '--quiet')).code).toBe(0);
    for (const nik of [SITI, BUDI]) await sameJson(w.run, ['explain', nik]);
  });

  it('allocate, compare, list, verify and replace', async () => {
    const w = allocationWorld();
    const doc = await sameJson(w.run, ['allocate', '--slots', '31', '--weights', 'w.csv', '--method', 'equal', '--dry-run']) as { ties: { reason: string }[] };
    expect(doc.ties[0]!.reason).toBe('equal shares: 31 slots over 3 regions');
    await sameJson(w.run, ['allocate', 'compare', '--method', 'equal,webster', '--slots', '30']);
    expect((await w.run('en', 'allocate', '--slots', '30', '--quiet')).code).toBe(0);
    await sameJson(w.run, ['allocate', 'list']);
    await sameJson(w.run, ['allocate', 'verify', '1']);
  });

  it('quota', async () => {
    const run: Runner = (lang, ...args) => uep(args, { cwd: tempDir(), env: { UEP_LANG: lang } });
    const doc = await sameJson(run, ['quota', '--slots', '1501']) as { ties: { reason: string; basis: { kind: string } }[] };
    expect(doc.ties).toEqual([expect.objectContaining({ reason: 'equal shares: 1501 slots over 10 regions', basis: { kind: 'equal_shares', slots: 1501, regions: 10 } })]);
  });

  it('export allocation, report summary and report monitoring', async () => {
    const e = exportWorld();
    await sameJson(e.run, ['export', 'allocation', '--out', 'lampiran', '--force']);
    const r = reportWorld();
    await sameJson(r.run, ['report', 'summary', '--as-of', '2026-03-15']);
    await sameJson(r.run, ['report', 'monitoring', '--as-of', '2026-03-15']);
  });
});
