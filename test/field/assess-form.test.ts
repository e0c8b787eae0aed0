import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { RootNode } from '@getodk/xforms-engine';
import { describe, expect, it } from 'vitest';
import { answersJson } from '../../src/assess/answers.js';
import { SURVEY_COLUMNS } from '../../src/field/xlsform.js';
import { parseRubric } from '../../src/rubric/validate.js';
import { openXlsx } from '../../src/xlsx/reader.js';
import type { Answers } from '../../src/score/types.js';
import { nik, uep } from '../helpers.js';
import { BUDI_ANSWERS, RUBRIC, SITI_ANSWERS, TestDb } from '../score/builders.js';
import { centralCsv, editOf, koboCsv, type Sent } from './exports.js';
import { answer, asSelect, leaves, openForm, rootAttributes, submit, violations, walk } from './odk-engine.js';

const SITI = nik('6472', 5, 7, 85, 1, true);
const BUDI = nik('6402', 1, 1, 90, 2);
const RINA = nik('6403', 17, 8, 92, 3, true);
const MULTI = Object.fromEntries(RUBRIC.rubric.questions.flatMap((q) => (q.type === 'multi' ? [[q.id, q.options.map((o) => o.value)]] : [])));

function world() {
  const t = new TestDb().person({ nik: SITI, nama: 'Siti Aminah' }).person({ nik: BUDI, nama: 'Budi Santoso, S.Pd' }).person({ nik: RINA, nama: 'Rina' });
  t.db.prepare(`UPDATE persons SET desa = 'Loa Bakung' WHERE nik = ?`).run(SITI);
  const ids = { siti: t.application(SITI, 2026, 'gorengan'), budi: t.application(BUDI, 2026, 'bengkel'), rina: t.application(RINA, 2026, 'makanan') };
  t.assessment(ids.rina, SITI_ANSWERS, 'makanan', '2026-02-01', 'interview');
  return { t, ids };
}

async function writeForm(t: TestDb) {
  const r = await uep(['assess', 'form', '--out', 'asesmen.xlsx', '--tahun', '2026', '--db', t.path, '--json'], { cwd: t.dir });
  expect(r.stderr).toContain('asesmen.xlsx');
  expect(r.code).toBe(0);
  const read = (f: string) => readFileSync(join(t.dir, f), 'utf8');
  return { xml: read('asesmen.xml'), csv: read('pendaftar.csv'), json: JSON.parse(r.stdout) as { form_id: string; version: string } };
}

async function sheets(file: string): Promise<Record<string, string[][]>> {
  const reader = await openXlsx(file, { worker: false });
  const out: Record<string, string[][]> = {};
  for (const sheet of reader.sheets) {
    const rows: string[][] = [];
    for await (const batch of reader.rows(sheet)) for (const row of batch) rows.push(row.cells.map((c) => (c === undefined ? '' : String(c))));
    out[sheet.name] = rows;
  }
  reader.close();
  return out;
}

/** An assessor on a phone: picks the applicant, answers every question, agrees the type. */
async function fill(xml: string, csv: string, applicationId: number, answers: Answers, jenis: string, assessor = 'Rahmawati'): Promise<{ root: RootNode; xml: string }> {
  const root = await openForm(xml, { 'pendaftar.csv': csv });
  answer(root, '/data/id_pendaftar', String(applicationId));
  answer(root, '/data/assessor', assessor);
  for (const q of RUBRIC.rubric.questions) answer(root, `/data/grp_asesmen/${q.id}`, answers[q.id] as string | number | string[]);
  answer(root, '/data/jenis_usaha_disepakati', jenis);
  expect(violations(root)).toEqual([]);
  const sub = await submit(root);
  expect(sub.status).toBe('ready');
  return { root, xml: sub.xml };
}

const stored = (t: TestDb) => t.db.prepare(`SELECT application_id, nik, answers_json, jenis_usaha_disepakati, assessor, source, rubric_version, instance_id, submitted_at, form_version
  FROM assessments WHERE source = 'import' ORDER BY application_id`).all() as Record<string, unknown>[];
const instanceOf = (xml: string) => leaves(xml).find((l) => l.path.join('/') === 'meta/instanceID')!.value;

describe('uep assess form', () => {
  it('writes the XLSForm, the XForm and pendaftar.csv (masked NIKs only), 0600, and refuses to overwrite without --force', async () => {
    const { t, ids } = world();
    const { csv, json } = await writeForm(t);
    expect(json).toMatchObject({ form_id: 'uep_asesmen_2026', version: '2026.1' });
    for (const f of ['asesmen.xlsx', 'asesmen.xml', 'pendaftar.csv']) expect(statSync(join(t.dir, f)).mode & 0o777).toBe(0o600);
    // Rina was assessed in an interview: not in the list. Never a full NIK.
    expect(csv).toBe([
      'name,label,nama,desa,nik_tersamar',
      `${ids.siti},Siti Aminah · Loa Bakung · 6472********0001,Siti Aminah,Loa Bakung,6472********0001`,
      `${ids.budi},"Budi Santoso, S.Pd · 6402********0002","Budi Santoso, S.Pd",,6402********0002`,
      '',
    ].join('\n'));
    for (const n of [SITI, BUDI, RINA]) expect(readFileSync(join(t.dir, 'asesmen.xml'), 'utf8') + csv).not.toContain(n);
    const again = await uep(['assess', 'form', '--out', 'asesmen.xlsx', '--tahun', '2026', '--db', t.path], { cwd: t.dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/--out .*asesmen.xlsx: it already exists/);
    expect((await uep(['assess', 'form', '--out', 'asesmen.xlsx', '--tahun', '2026', '--db', t.path, '--force'], { cwd: t.dir })).code).toBe(0);
    const bad = await uep(['assess', 'form', '--out', 'asesmen.xls', '--db', t.path], { cwd: t.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('must end in .xlsx');
  });

  it('has the XLSForm sheets and columns of the spec, with the same questions, choices, labels and version as the XForm in ODK\'s engine', async () => {
    const { t } = world();
    const { xml, csv } = await writeForm(t);
    const book = await sheets(join(t.dir, 'asesmen.xlsx'));
    expect(Object.keys(book)).toEqual(['survey', 'choices', 'settings']);
    const survey = book.survey!;
    expect(survey[0]).toEqual(SURVEY_COLUMNS);
    expect(survey[0]).toEqual(expect.arrayContaining(['type', 'name', 'label::Indonesian (id)', 'label::English (en)', 'required', 'constraint', 'calculation', 'default']));
    expect(book.choices![0]).toEqual(['list_name', 'name', 'label::Indonesian (id)', 'label::English (en)']);
    expect(book.settings).toEqual([['form_title', 'form_id', 'version', 'default_language'], ['Asesmen UEP 2026', 'uep_asesmen_2026', '2026.1', 'Indonesian (id)']]);

    const col = (name: string) => survey[0]!.indexOf(name);
    const rows = survey.slice(1).map((r) => ({ type: r[col('type')]!, name: r[col('name')]!, id: r[col('label::Indonesian (id)')]!, en: r[col('label::English (en)')]!, required: r[col('required')]!, constraint: r[col('constraint')]! }));
    const questions = rows.filter((r) => !/^(begin_group|end_group|calculate)$/.test(r.type));
    const root = await openForm(xml, { 'pendaftar.csv': csv });
    const nodes = walk(root).filter((n) => n.nodeType === 'input' || n.nodeType === 'select');
    expect(nodes.map((n) => n.currentState.reference.split('/').pop())).toEqual(questions.map((q) => q.name));
    expect(questions.map((q) => q.type)).toEqual(expect.arrayContaining(['select_one_from_file pendaftar.csv', 'text', 'date', 'integer', 'select_one penghasilan', 'select_multiple keterampilan', 'select_one jenis_usaha']));
    expect(rows.find((r) => r.name === 'jumlah_tanggungan')!.constraint).toBe('. >= 0 and . <= 20');
    // The rubric's English (text_en, label_en) is the form's second language.
    expect(rows.find((r) => r.name === 'penghasilan')).toMatchObject({ id: 'Penghasilan calon penerima saat ini', en: 'Current income of the applicant' });
    expect(book.choices!.find((c) => c[0] === 'penghasilan' && c[1] === 'tidak_ada')).toEqual(['penghasilan', 'tidak_ada', 'Tidak ada penghasilan', 'No income']);
    const choices = book.choices!.slice(1);
    const english = root.languages.find((l) => l.language === 'English (en)');
    if (!english || english.isSyntheticDefault) throw new Error('the form has no English');
    expect(root.languages.map((l) => [l.language, l.isDefault])).toEqual([['Indonesian (id)', true], ['English (en)', false]]);
    for (const lang of ['id', 'en'] as const) {
      if (lang === 'en') root.setLanguage(english);
      nodes.forEach((n, i) => {
        const q = questions[i]!;
        expect(n.currentState.label?.asString, q.name).toBe(q[lang]);
        expect(n.currentState.required, q.name).toBe(q.required === 'yes');
        if (n.nodeType !== 'select') return;
        const list = q.type.split(' ')[1]!;
        const want = list.endsWith('.csv')
          ? csv.trim().split('\n').slice(1).map((l) => l.split(',')[0])
          : choices.filter((c) => c[0] === list).map((c) => (lang === 'id' ? [c[1], c[2]] : [c[1], c[3]]));
        const got = asSelect(n).currentState.valueOptions.map((o) => (list.endsWith('.csv') ? o.value : [o.value, o.label.asString]));
        expect(got, q.name).toEqual(want);
      });
    }
    // Every rubric question and option is on the form, in the rubric's order and words.
    expect(questions.filter((q) => RUBRIC.rubric.questions.some((r) => r.id === q.name)).map((q) => [q.name, q.id]))
      .toEqual(RUBRIC.rubric.questions.map((q) => [q.id, q.text]));
    expect(rootAttributes((await submit(root)).xml)).toEqual({ id: 'uep_asesmen_2026', version: '2026.1' });
  });
});

describe('the rubric\'s English for the form', () => {
  it('text_en and label_en are optional texts; anything else is still an unknown key', () => {
    const rubric = JSON.parse(RUBRIC.content) as { questions: Record<string, unknown>[] };
    const variant = (change: (q: Record<string, unknown>) => void) => {
      const copy = structuredClone(rubric);
      change(copy.questions[0]!);
      return JSON.stringify(copy);
    };
    expect(parseRubric(variant((q) => delete q.text_en), 'r.json').questions[0]!.text_en).toBeUndefined();
    expect(() => parseRubric(variant((q) => (q.text_en = 3)), 'r.json')).toThrow('r.json: questions[0].text_en must be text (got 3)');
    expect(() => parseRubric(variant((q) => (q.text_english = 'x')), 'r.json')).toThrow('questions[0].text_english is not a known key');
  });
});

describe('phone assessments back into uep', () => {
  it('filled in ODK\'s engine, exported by ODK Central, imported: the answers stored; again or overlapping changes nothing; the latest submission wins', async () => {
    const { t, ids } = world();
    const { xml, csv } = await writeForm(t);
    const siti = await fill(xml, csv, ids.siti, SITI_ANSWERS, 'gorengan');
    // The form refuses what the rubric refuses.
    answer(siti.root, '/data/grp_asesmen/jumlah_tanggungan', 21);
    expect(violations(siti.root)).toEqual([{ reference: '/data/grp_asesmen/jumlah_tanggungan', condition: 'constraint', message: 'Isi bilangan bulat dari 0 sampai 20' }]);
    const budi = await fill(xml, csv, ids.budi, BUDI_ANSWERS, 'ternak_ayam', 'Agus');
    const first: Sent[] = [{ xml: siti.xml, submittedAt: '2026-03-02T07:30:05.120Z', by: 'hp-rahma' }, { xml: budi.xml, submittedAt: '2026-03-02T08:00:00.000Z', by: 'hp-agus' }];
    writeFileSync(join(t.dir, 'central.csv'), centralCsv(first, '2026.1'));
    const r = await uep(['assess', 'import', 'central.csv', '--tahun', '2026', '--db', t.path, '--json'], { cwd: t.dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 2, inserted: 2, rejected: 0 });
    expect(stored(t)).toEqual([
      { application_id: ids.siti, nik: SITI, answers_json: answersJson(RUBRIC.rubric, SITI_ANSWERS), jenis_usaha_disepakati: 'gorengan', assessor: 'Rahmawati', source: 'import', rubric_version: '2026.1', instance_id: instanceOf(siti.xml), submitted_at: '2026-03-02T07:30:05.120Z', form_version: '2026.1' },
      { application_id: ids.budi, nik: BUDI, answers_json: answersJson(RUBRIC.rubric, BUDI_ANSWERS), jenis_usaha_disepakati: 'ternak_ayam', assessor: 'Agus', source: 'import', rubric_version: '2026.1', instance_id: instanceOf(budi.xml), submitted_at: '2026-03-02T08:00:00.000Z', form_version: '2026.1' },
    ]);
    expect(JSON.parse((await uep(['assess', 'import', 'central.csv', '--tahun', '2026', '--db', t.path, '--json'], { cwd: t.dir })).stdout)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });

    // A later export overlaps the first and holds a correction of Siti's assessment sent afterwards (the file's order does not matter).
    const corrected = await fill(xml, csv, ids.siti, { ...SITI_ANSWERS, minat_motivasi: 'sangat_tinggi' }, 'gorengan');
    writeFileSync(join(t.dir, 'central-2.csv'), centralCsv([...first, { xml: corrected.xml, submittedAt: '2026-03-05T01:00:00.000Z', by: 'hp-rahma' }], '2026.1'));
    const r2 = await uep(['assess', 'import', 'central-2.csv', '--tahun', '2026', '--db', t.path, '--json', '--rejects', 'r.csv'], { cwd: t.dir });
    expect(JSON.parse(r2.stdout)).toMatchObject({ read: 3, inserted: 0, updated: 1, unchanged: 1, rejected: 1, reasons: { nik_duplicate: 1 } });
    expect(readFileSync(join(t.dir, 'r.csv'), 'utf8').split('\n')[1]).toMatch(/^2,nik_duplicate,,2026-03-02T07:30:05.120Z,/);
    const sitiNow = () => stored(t).find((s) => s.application_id === ids.siti)!;
    expect(sitiNow()).toMatchObject({ instance_id: instanceOf(corrected.xml), answers_json: answersJson(RUBRIC.rubric, { ...SITI_ANSWERS, minat_motivasi: 'sangat_tinggi' }) });
    // The first export once more: its older submission does not undo the correction.
    expect(JSON.parse((await uep(['assess', 'import', 'central.csv', '--tahun', '2026', '--db', t.path, '--json'], { cwd: t.dir })).stdout)).toMatchObject({ inserted: 0, updated: 0 });
    expect(sitiNow()).toMatchObject({ instance_id: instanceOf(corrected.xml) });
  });

  it('reads KoboToolbox exports: ";" CSV with one 0/1 column per option (both and details), and its .xlsx', async () => {
    const { t, ids } = world();
    const { xml, csv } = await writeForm(t);
    const siti = await fill(xml, csv, ids.siti, SITI_ANSWERS, 'gorengan');
    const budi = await fill(xml, csv, ids.budi, BUDI_ANSWERS, 'bengkel');
    const sent: Sent[] = [{ xml: siti.xml, submittedAt: '2026-03-02T07:30:05.000Z', by: 'rahma' }, { xml: budi.xml, submittedAt: '2026-03-02T08:00:00.000Z', by: 'agus' }];
    const want = [
      { application_id: ids.siti, answers_json: answersJson(RUBRIC.rubric, SITI_ANSWERS), instance_id: instanceOf(siti.xml), submitted_at: '2026-03-02T07:30:05.000Z' },
      { application_id: ids.budi, answers_json: answersJson(RUBRIC.rubric, BUDI_ANSWERS), instance_id: instanceOf(budi.xml), submitted_at: '2026-03-02T08:00:00.000Z' },
    ];
    for (const style of ['details', 'both'] as const) {
      writeFileSync(join(t.dir, `kobo-${style}.csv`), koboCsv(sent, MULTI, style));
      const r = await uep(['assess', 'import', `kobo-${style}.csv`, '--tahun', '2026', '--db', t.path, '--json'], { cwd: t.dir });
      expect(JSON.parse(r.stdout), style).toMatchObject({ read: 2, rejected: 0 });
      expect(stored(t).map(({ application_id, answers_json, instance_id, submitted_at }) => ({ application_id, answers_json, instance_id, submitted_at }))).toEqual(want);
    }
    expect(readFileSync(join(t.dir, 'kobo-details.csv'), 'utf8')).toContain('"grp_asesmen/keterampilan/memasak"');
    // Kobo's XLS export: the same table in a workbook.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('UEP asesmen');
    for (const line of koboCsv(sent, MULTI, 'both').trim().split('\n')) sheet.addRow(line.slice(1, -1).split('";"'));
    await book.xlsx.writeFile(join(t.dir, 'kobo.xlsx'));
    t.db.exec(`DELETE FROM assessments WHERE source = 'import'`);
    expect(JSON.parse((await uep(['assess', 'import', 'kobo.xlsx', '--tahun', '2026', '--db', t.path, '--json'], { cwd: t.dir })).stdout)).toMatchObject({ inserted: 2, rejected: 0 });
    expect(stored(t).map((s) => s.answers_json)).toEqual(want.map((w) => w.answers_json));
  });

  it('rejects with a code per reason and line; a form older than the rubric is kept with a warning, its missing answers unanswered', async () => {
    const { t, ids } = world();
    const { xml, csv } = await writeForm(t);
    const siti = await fill(xml, csv, ids.siti, SITI_ANSWERS, 'gorengan');
    const budi = await fill(xml, csv, ids.budi, BUDI_ANSWERS, 'bengkel');
    const text = centralCsv([{ xml: siti.xml, submittedAt: '2026-03-02T07:30:05.000Z', by: 'a' }, { xml: budi.xml, submittedAt: '2026-03-02T08:00:00.000Z', by: 'b' }], '2026.1');
    const [header, sitiRow, budiRow] = text.trim().split('\r\n') as [string, string, string];
    const cols = header.split(',');
    const set = (row: string, column: string, value: string) => {
      const cells = row.split(',');
      cells[cols.indexOf(column)] = value;
      return cells.join(',');
    };
    // An older form without the kesehatan question, its rows saying version 2025.2.
    const drop = cols.indexOf('grp_asesmen-kesehatan');
    const without = (row: string) => row.split(',').filter((_, i) => i !== drop).join(',');
    const lines = [
      without(header),
      without(set(set(budiRow, 'versi_rubrik', '2025.2'), 'FormVersion', '2025.2')),
      without(set(sitiRow, 'nik_tersamar', '6472********9999')), // a list of another database
      without(set(sitiRow, 'id_pendaftar', '999')),
      without(set(set(sitiRow, 'id_pendaftar', String(ids.rina)), 'nik_tersamar', '6403********0003')), // assessed in an interview
      without(sitiRow), // the current version without an answer the rubric needs
    ];
    writeFileSync(join(t.dir, 'mixed.csv'), lines.join('\r\n'));
    const r = await uep(['assess', 'import', 'mixed.csv', '--tahun', '2026', '--db', t.path, '--json', '--rejects', 'rejects.csv'], { cwd: t.dir });
    expect(JSON.parse(r.stdout)).toMatchObject({
      read: 5, inserted: 1, rejected: 4, warnings: { form_version_old: 1 },
      reasons: { nik_mismatch: 1, id_pendaftar_unknown: 1, already_assessed: 1, kesehatan_missing: 1 },
    });
    expect(readFileSync(join(t.dir, 'rejects.csv'), 'utf8').split('\n').slice(1, 5).map((l) => l.split(',').slice(0, 2).join(',')))
      .toEqual(['3,nik_mismatch', '4,id_pendaftar_unknown', '5,already_assessed', '6,kesehatan_missing']);
    const { kesehatan: _, ...older } = BUDI_ANSWERS;
    expect(stored(t)).toEqual([expect.objectContaining({ application_id: ids.budi, answers_json: answersJson(RUBRIC.rubric, older), form_version: '2025.2' })]);
  });

  it.each(['central', 'kobo'] as const)('%s: an edit on the server that names another applicant moves the assessment and drops both scores; an export from before an edit changes nothing', async (server) => {
    const { t, ids } = world();
    const { xml, csv } = await writeForm(t);
    const exported = (sent: Sent[]) => (server === 'central' ? centralCsv(sent, '2026.1') : koboCsv(sent, MULTI, 'details'));
    const run = async (name: string, sent: Sent[], ...flags: string[]) => {
      writeFileSync(join(t.dir, name), exported(sent));
      const r = await uep(['assess', 'import', name, '--tahun', '2026', '--db', t.path, '--json', ...flags], { cwd: t.dir });
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as Record<string, unknown>;
    };
    const scores = () => t.db.prepare(`SELECT application_id FROM scores ORDER BY application_id`).pluck().all();
    const first: Sent = { xml: (await fill(xml, csv, ids.siti, SITI_ANSWERS, 'gorengan')).xml, submittedAt: '2026-03-02T07:30:05.120Z', by: 'hp-rahma' };
    expect(await run('1.csv', [first])).toMatchObject({ inserted: 1, notes: {} });
    t.db.prepare(`INSERT INTO scores (application_id, eligible, reasons_json, need_score, fit_score, total_score, breakdown_json, rubric_version, rubric_sha256, scored_at)
      VALUES (?, 1, '[]', 1, 1, 1, '{}', 'v', 'h', 'x'), (?, 1, '[]', 1, 1, 1, '{}', 'v', 'h', 'x')`).run(ids.siti, ids.budi);

    // The assessor picked Siti from the list while interviewing Budi: the supervisor corrects the submission.
    const edit = editOf(first, (await fill(xml, csv, ids.budi, SITI_ANSWERS, 'bengkel')).xml);
    const moved = { read: 1, inserted: 0, updated: 1, unchanged: 0, rejected: 0, notes: { assessment_person_changed: 1 } };
    expect(await run('2.csv', [edit], '--dry-run')).toMatchObject(moved);
    expect(stored(t).map((s) => s.application_id)).toEqual([ids.siti]);
    expect(await run('2.csv', [edit])).toMatchObject(moved);
    expect(stored(t)).toEqual([expect.objectContaining({
      application_id: ids.budi, nik: BUDI, answers_json: answersJson(RUBRIC.rubric, SITI_ANSWERS), jenis_usaha_disepakati: 'bengkel', instance_id: instanceOf(first.xml),
    })]);
    expect(scores()).toEqual([]);
    expect(await run('2.csv', [edit])).toMatchObject({ inserted: 0, updated: 0, unchanged: 1, notes: {} });
    expect(await run('1.csv', [first])).toMatchObject({ inserted: 0, updated: 0, unchanged: 1, notes: { version_superseded: 1 } });

    // A second edit (an answer), then the export holding the first edit: the second stays.
    const edit2 = editOf(edit, (await fill(xml, csv, ids.budi, { ...SITI_ANSWERS, minat_motivasi: 'sangat_tinggi' }, 'bengkel')).xml);
    expect(await run('3.csv', [edit2])).toMatchObject({ inserted: 0, updated: 1, notes: {} });
    expect(await run('2.csv', [edit])).toMatchObject({ updated: 0, unchanged: 1, notes: { version_superseded: 1 } });
    expect(stored(t)).toEqual([expect.objectContaining({ application_id: ids.budi, answers_json: answersJson(RUBRIC.rubric, { ...SITI_ANSWERS, minat_motivasi: 'sangat_tinggi' }) })]);
  });
});
