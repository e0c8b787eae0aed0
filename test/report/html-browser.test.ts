/**
 * The HTML report in a real browser (the system's headless Chromium): it loads with no error and no
 * request, every chart is there with its title, every number of its tables equals what the CSV
 * and JSON reports say for the same database, the small-cell rule holds, and it prints to A4 with
 * each section on pages of its own. Screenshots go to test-output/ (printed, not committed).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatten, loadCatalogue } from '../../src/i18n/catalogue.js';
import { ROOT, uep } from '../helpers.js';
import { launch, pdfPages } from './browser.js';
import { AS_OF, htmlWorld } from './html-world.js';

// Browser globals of the page.evaluate callbacks (the project's types are Node's, without the DOM).
declare const document: { querySelectorAll<T>(sel: string): Iterable<T>; querySelector<T>(sel: string): T | null };
declare function getComputedStyle(element: unknown): { breakInside: string };
interface HTMLElement { id: string; style: { display: string } }

type Csv = Record<string, string>[];
interface DomCell { figure: string; row: string; col: string; text: string; total: boolean }

let work = '';
let close: (() => Promise<void>) | undefined;
let browser: BrowserContext;
const json: Record<string, Record<string, unknown>> = {};
let summary: { allocation: Record<string, unknown> & { by_kabupaten: Record<string, number | string>[]; umur: Record<string, number | string>[] }; money: { total: number; anggaran: number; by_jenis: { jenis_usaha: string; penerima: number; nilai: number }[] } };

const csv = (...path: string[]): Csv => parse(readFileSync(join(work, ...path), 'utf8'), { columns: true }) as Csv;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'uep-html-'));
  const { path } = await htmlWorld(work);
  const run = async (...args: string[]) => {
    const r = await uep([...args, '--db', path], { cwd: work });
    if (r.code !== 0) throw new Error(`uep ${args.join(' ')}: ${r.stderr}`);
    return r;
  };
  for (const lang of ['id', 'en']) json[lang] = JSON.parse((await run('report', 'html', '--as-of', AS_OF, '--out', `laporan-uep-{tahun}-${lang}.html`, '--lang', lang, '--json')).stdout);
  await run('report', 'monitoring', '--as-of', AS_OF, '--out', 'monitoring');
  await run('export', 'allocation', '--out', 'lampiran');
  summary = JSON.parse((await run('report', 'summary', '--as-of', AS_OF, '--json')).stdout);
  ({ browser, close } = await launch());
}, 240_000);

afterAll(async () => {
  await close?.();
  rmSync(work, { recursive: true, force: true });
});

/** Opens a report; every request but the file itself is aborted and counted, console errors collected. */
async function open(lang: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const url = `file://${join(work, `laporan-uep-2025-${lang}.html`)}`;
  const page = await browser.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, requests };
}

function domCells(page: Page): Promise<DomCell[]> {
  return page.$$eval('figure.chart tr[data-row] > [data-col]', (cells) => cells.map((c) => ({
    figure: c.closest('figure')!.id, row: c.parentElement!.getAttribute('data-row')!, col: c.getAttribute('data-col')!,
    text: c.textContent!.trim(), total: c.parentElement!.classList.contains('total'),
  })));
}

/** "1,381" → 1381, "59.5%" → 59.5, "Rp6,513,750,000" → 6513750000, "+3" → 3 (English formats). */
const number = (text: string) => Number(text.replace(/^Rp/, '').replace(/[,%+]/g, ''));

/** Counts of people: the columns the small-cell rule applies to. */
const PEOPLE = /^(eligible|terpilih|cadangan|perempuan|keluarga_pkh|pool|penerima|dikunjungi|bertahan|penerima_terlambat|berisiko|jumlah|<30|\d\d-\d\d|60\+|tidak_diketahui|makanan|minuman|gorengan|ternak_ayam|pengolahan_kue|bengkel)$/;

/** What the CSV and JSON reports say for each numeric cell of the HTML report: figure|row|col → value. */
function expected(): Map<string, number> {
  const e = new Map<string, number>();
  const put = (figure: string, row: string, col: string, v: unknown) => e.set(`${figure}|${row}|${col}`, Number(v));
  const files = readdirSync(join(work, 'lampiran'));
  for (const q of summary.allocation.by_kabupaten) {
    const kode = String(q.kode_kabupaten);
    const rows = (prefix: string) => csv('lampiran', files.find((f) => f.startsWith(`${prefix}-${kode}-`))!).length;
    for (const col of ['kuota_awal', 'kuota', 'perubahan', 'eligible']) put('chart-alokasi', kode, col, q[col]);
    put('chart-alokasi', kode, 'terpilih', rows('penerima'));
    put('chart-alokasi', kode, 'cadangan', rows('cadangan'));
  }
  const sum = (col: string) => summary.allocation.by_kabupaten.reduce((s, q) => s + Number(q[col]), 0);
  for (const col of ['kuota_awal', 'kuota', 'eligible']) put('chart-alokasi', '64', col, sum(col));
  put('chart-alokasi', '64', 'perubahan', 0);
  put('chart-alokasi', '64', 'terpilih', summary.allocation.selected);
  put('chart-alokasi', '64', 'cadangan', summary.allocation.waitlisted);

  for (const f of csv('lampiran', 'keadilan.csv')) {
    const k = f.kode_wilayah!;
    if (f.kelompok === 'perempuan' || f.kelompok === 'keluarga_pkh') {
      put('chart-perempuan-pkh', k, f.kelompok, f.terpilih);
      put('chart-perempuan-pkh', k, `${f.kelompok}_persen`, f.terpilih_persen);
    }
    if (k === '64' && f.kelompok!.startsWith('desil_')) for (const col of ['terpilih', 'terpilih_persen']) put('chart-desil', f.kelompok!, col, f[col]);
  }
  for (const q of summary.allocation.by_kabupaten) put('chart-perempuan-pkh', String(q.kode_kabupaten), 'terpilih', q.terpilih);
  put('chart-perempuan-pkh', '64', 'terpilih', summary.allocation.selected);
  put('chart-desil', 'jumlah', 'terpilih', summary.allocation.selected);

  const matrix = (figure: string, lines: { kode: string; group: string; n: number }[]) => {
    const add = (row: string, col: string, n: number) => e.set(`${figure}|${row}|${col}`, (e.get(`${figure}|${row}|${col}`) ?? 0) + n);
    for (const l of lines) for (const [row, col] of [[l.kode, l.group], [l.kode, 'jumlah'], ['64', l.group], ['64', 'jumlah']] as const) add(row, col, l.n);
  };
  matrix('chart-umur', summary.allocation.umur.map((u) => ({ kode: String(u.kode_kabupaten), group: String(u.kelompok_umur), n: Number(u.penerima) })));
  const ringkasan = csv('lampiran', 'ringkasan.csv');
  matrix('chart-jenis-usaha', ringkasan.map((r) => ({ kode: r.kode_kabupaten!, group: r.jenis_usaha!, n: Number(r.penerima) })));

  for (const j of summary.money.by_jenis) {
    put('chart-anggaran-jenis', j.jenis_usaha, 'penerima', j.penerima);
    put('chart-anggaran-jenis', j.jenis_usaha, 'nilai', j.nilai);
  }
  put('chart-anggaran-jenis', 'jumlah', 'penerima', summary.allocation.selected);
  put('chart-anggaran-jenis', 'jumlah', 'nilai', summary.money.total);
  put('chart-anggaran-jenis', 'anggaran', 'nilai', summary.money.anggaran);
  put('chart-anggaran-jenis', 'sisa', 'nilai', summary.money.anggaran - summary.money.total);
  for (const r of ringkasan) {
    for (const [row, col, v] of [[r.kode_kabupaten!, 'penerima', r.penerima], [r.kode_kabupaten!, 'nilai', r.nilai_rupiah], ['64', 'penerima', r.penerima], ['64', 'nilai', r.nilai_rupiah]] as const) {
      const key = `chart-anggaran-kabupaten|${row}|${col}`;
      e.set(key, (e.get(key) ?? 0) + Number(v));
    }
  }

  const km = csv('monitoring', 'kurva_km.csv');
  const kmMonth = [1, 3, 6, 12].filter((b) => b <= Math.max(...km.map((p) => Number(p.bulan)))).at(-1)!;
  const figureOf: Record<string, string[]> = {
    semua: ['chart-kelangsungan', 'chart-kelangsungan-jenis-usaha', 'chart-kelangsungan-kabupaten', 'chart-kelangsungan-jenis-kelamin'],
    jenis_usaha: ['chart-kelangsungan-jenis-usaha'], kabupaten: ['chart-kelangsungan-kabupaten'], jenis_kelamin: ['chart-kelangsungan-jenis-kelamin'],
  };
  for (const c of csv('monitoring', 'kelangsungan.csv')) {
    for (const figure of figureOf[c.dimensi!] ?? []) {
      const row = `${c.dimensi}:${c.kelompok}`;
      for (const col of ['penerima', 'dikunjungi', 'bertahan', 'persen']) put(figure, row, col, c[col]);
      const p = km.find((x) => x.dimensi === c.dimensi && x.kelompok === c.kelompok && Number(x.bulan) === kmMonth);
      if (p) put(figure, row, 'km', p.persen);
    }
  }
  for (const p of km.filter((x) => x.dimensi === 'semua')) {
    put('chart-kelangsungan', p.bulan!, 'berisiko', p.berisiko);
    put('chart-kelangsungan', p.bulan!, 'km', p.persen);
  }

  const fw = csv('monitoring', 'kunjungan_kabupaten.csv');
  for (const l of fw) for (const col of ['penerima', 'kunjungan', 'penerima_terlambat', 'kunjungan_terlewat']) {
    put('chart-kunjungan-kabupaten', l.kode_kabupaten!, col, l[col]);
    e.set(`chart-kunjungan-kabupaten|64|${col}`, (e.get(`chart-kunjungan-kabupaten|64|${col}`) ?? 0) + Number(l[col]));
  }
  for (const w of csv('monitoring', 'kunjungan_petugas.csv')) for (const col of ['penerima', 'kunjungan', 'penerima_terlambat', 'kunjungan_terlewat']) put('chart-kunjungan-petugas', w.petugas!, col, w[col]);
  for (const k of csv('monitoring', 'kendala.csv')) for (const col of ['penerima', 'persen', 'kunjungan']) put('chart-kendala', k.kendala!, col, k[col]);
  for (const r of csv('monitoring', 'rujukan.csv')) for (const col of ['penerima', 'kunjungan']) put('chart-rujukan', r.rujukan!, col, r[col]);
  return e;
}

describe('uep report html in headless Chromium', () => {
  it('loads with no console error and no request, every chart present with its title; screenshot and the --json summary', async () => {
    for (const lang of ['id', 'en'] as const) {
      const { page, errors, requests } = await open(lang);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      const messages = flatten(loadCatalogue(lang).report_html!);
      const sections = await page.$$eval('section', (s) => s.map((x) => ({ id: x.id, title: x.querySelector('h2')!.textContent, charts: x.querySelectorAll('figure.chart').length })));
      expect(sections).toEqual(['allocation', 'recipients', 'money', 'survival', 'fieldwork', 'reproducibility'].map((k, i) => ({
        id: (json[lang]!.sections as { id: string }[])[i]!.id, title: messages.get(`${k}.title`), charts: (json[lang]!.sections as { charts: number }[])[i]!.charts,
      })));
      const charts = await page.$$eval('figure.chart', (fs) => fs.map((f) => ({
        title: f.querySelector('figcaption')?.textContent ?? '', svg: !!f.querySelector('svg[role="img"]'), label: f.querySelector('svg')?.getAttribute('aria-label'),
        texts: f.querySelectorAll('svg text').length, font: f.querySelector('svg text')?.getAttribute('style') ?? '',
      })));
      expect(charts).toHaveLength(json[lang]!.charts as number);
      expect(charts.length).toBeGreaterThanOrEqual(15);
      for (const c of charts) {
        expect(c.title).not.toBe('');
        expect(c).toMatchObject({ svg: true, label: c.title });
        expect(c.texts).toBeGreaterThan(3);
        expect(c.font).toContain('Segoe UI'); // the whole font stack survived inside the SVG attribute
      }
      expect(charts.map((c) => c.title)).toContain(messages.get('survival.overall_chart'));
      mkdirSync(join(ROOT, 'test-output'), { recursive: true });
      const shot = join(ROOT, 'test-output', `laporan-uep-${lang}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      console.log(`screenshot: ${shot}`);
      await page.close();
    }
    const strip = ({ file: _f, bytes: _b, sha256: _s, ...rest }: Record<string, unknown>) => rest;
    expect(strip(json.id!)).toEqual(strip(json.en!));
    expect(Object.keys(json.id!)).toEqual(Object.keys(json.en!));
  });

  it('shows the same numbers as the CSV and JSON reports, under the small-cell rule', async () => {
    const { page } = await open('en');
    const cells = (await domCells(page)).filter((c) => c.col !== 'peran' && !/^(kabupaten|kelompok|desil|jenis_usaha|kendala|rujukan|petugas|bulan)$/.test(c.col));
    const want = expected();
    let small = 0;
    let complement = 0;
    for (const c of cells) {
      const key = `${c.figure}|${c.row}|${c.col}`;
      if (c.text === '' || c.text === '–') continue;
      // ringkasan.csv lists the regency × business type pairs that have beneficiaries: the others are 0.
      const v = want.get(key) ?? (c.figure === 'chart-jenis-usaha' ? 0 : undefined);
      if (c.col === 'km' && c.text === '×') continue; // a group under five has no curve (its month may not be in kurva_km at all)
      expect(v, `${key} is in no CSV/JSON report`).toBeDefined();
      if (c.text === '<5') {
        small++;
        expect(v, key).toBeGreaterThanOrEqual(1);
        expect(v, key).toBeLessThanOrEqual(4);
      } else if (c.text === '×') complement++;
      else {
        expect(number(c.text), key).toBe(v);
        if (PEOPLE.test(c.col)) expect(v! >= 5 || v === 0, `${key} = ${v} shown`).toBe(true);
      }
    }
    expect(cells.length).toBeGreaterThan(250);
    expect(small).toBeGreaterThan(0);
    expect(complement).toBeGreaterThan(0);
    // Bontang's three beneficiaries: "<5" in the table and on the chart, where no bar is drawn.
    expect(await page.textContent('#chart-jenis-usaha tr[data-row="6474"] [data-col="jumlah"]')).toBe('<5');
    expect(await page.$$eval('#chart-jenis-usaha svg text', (ts) => ts.filter((t) => t.textContent === '<5').length)).toBeGreaterThan(0);
    // No total gives a hidden cell back: in every table, no column of people (and no row of a matrix) has exactly one hidden cell.
    const tables = await page.$$eval('figure.chart table', (ts) => ts.map((t) => ({
      figure: t.closest('figure')!.id,
      rows: [...t.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('[data-col]')].map((c) => [c.getAttribute('data-col')!, c.classList.contains('sup')] as const)),
      total: !!t.querySelector('tr.total'),
    })));
    for (const t of tables.filter((x) => x.total && x.figure !== 'chart-kelangsungan')) {
      const cols = t.rows[0]!.map(([col]) => col).filter((col) => PEOPLE.test(col));
      for (const col of cols) expect(t.rows.filter((r) => r.find(([c]) => c === col)?.[1]).length, `${t.figure} ${col}`).not.toBe(1);
    }
    for (const id of ['chart-umur', 'chart-jenis-usaha']) {
      for (const r of tables.find((x) => x.figure === id)!.rows) expect(r.filter(([, hidden]) => hidden).length, id).not.toBe(1);
    }
    // Reproducibility: the run's own record.
    const repro = Object.fromEntries(await page.$$eval('#reproduksi tr[data-row]', (rs) => rs.map((r) => [r.getAttribute('data-row'), r.querySelector('[data-col="nilai"]')!.textContent])));
    const manifest = JSON.parse(readFileSync(join(work, 'lampiran', 'manifest.json'), 'utf8')) as { run: { id: number; seed: string } };
    expect(repro).toMatchObject({ run_id: String(manifest.run.id), seed: manifest.run.seed, inputs_sha256: 'hash', method: 'webster', status: 'final' });
    await page.close();
  });

  it('writes Indonesian numbers in id: 1.234, 59,5%, Rp4.750.000', async () => {
    const { page } = await open('id');
    const en = await open('en');
    const cellOf = (p: Page, sel: string) => p.textContent(sel);
    const total = '#chart-anggaran-jenis tr[data-row="jumlah"] [data-col="nilai"]';
    expect(await cellOf(page, total)).toBe(`Rp${summary.money.total.toLocaleString('id-ID')}`);
    expect(await cellOf(en.page, total)).toBe(`Rp${summary.money.total.toLocaleString('en-GB')}`);
    const women = '#chart-perempuan-pkh tr[data-row="64"] [data-col="perempuan_persen"]';
    expect((await cellOf(page, women))!.replace(',', '.')).toBe(await cellOf(en.page, women));
    expect(await cellOf(page, women)).toMatch(/^\d+(,\d)?%$/);
    expect(await page.textContent('#kelangsungan h2')).toBe('4. Usaha yang masih berjalan');
    await page.close();
    await en.page.close();
  });

  it('prints to A4: every section starts on a page of its own, charts not cut', async () => {
    const { page } = await open('en');
    const whole = pdfPages(await page.pdf({ format: 'A4' }));
    const ids = await page.$$eval('section', (s) => s.map((x) => x.id));
    const alone: number[] = [];
    for (const [i, id] of ids.entries()) {
      await page.evaluate(([keep, first, last]) => {
        for (const s of document.querySelectorAll<HTMLElement>('section')) s.style.display = s.id === keep ? '' : 'none';
        for (const sel of ['header.top', '.cards', 'nav.toc']) document.querySelector<HTMLElement>(sel)!.style.display = first ? '' : 'none';
        document.querySelector<HTMLElement>('footer')!.style.display = last ? '' : 'none';
      }, [id, i === 0, i === ids.length - 1] as const);
      alone.push(pdfPages(await page.pdf({ format: 'A4' })));
    }
    // The whole has exactly as many pages as its sections printed one by one: no page holds two sections.
    expect(whole).toBe(alone.reduce((s, n) => s + n, 0));
    expect(alone.every((n) => n >= 1 && n <= 2)).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('figure.chart')!).breakInside)).toBe('avoid');
    console.log(`PDF pages: ${whole} (${ids.map((id, i) => `${id} ${alone[i]}`).join(', ')})`);
    await page.close();
  });
});
