/**
 * The XLSForm of a form model (https://xlsform.org): sheets survey, choices and settings, labels
 * in `label::Indonesian (id)` and `label::English (en)`. `xlsFormSheets` gives the sheets as
 * rows (what tests compare with the XForm); `xlsFormBytes` writes them as an .xlsx workbook.
 * Written with exceljs here; the general .xlsx writer of issue 13 may take this over.
 */
import { FORM_LANGUAGES, type Field, type FormModel, type Text } from './model.js';
import { constraintOf } from './xform.js';

export type SheetRows = string[][];

export interface XlsFormSheets {
  survey: SheetRows;
  choices: SheetRows;
  settings: SheetRows;
}

const inLanguages = (column: string) => FORM_LANGUAGES.map((l) => `${column}::${l.name}`);

export const SURVEY_COLUMNS = [
  'type', 'name', ...inLanguages('label'), ...inLanguages('hint'), 'required', ...inLanguages('required_message'),
  'constraint', ...inLanguages('constraint_message'), 'relevant', 'calculation', 'default', 'choice_filter', 'appearance',
];
export const CHOICES_COLUMNS = ['list_name', 'name', ...inLanguages('label')];
export const SETTINGS_COLUMNS = ['form_title', 'form_id', 'version', 'default_language'];

function typeOf(f: Field): string {
  if (f.type === 'select_one' || f.type === 'select_multiple') return `${f.type} ${f.list}`;
  if (f.type === 'select_one_from_file') return `${f.type} ${f.file}`;
  return f.type;
}

const both = (t: Text | undefined) => FORM_LANGUAGES.map((l) => t?.[l.key] ?? '');

function surveyRow(f: Field): string[] {
  const cells: Record<string, string> = { type: typeOf(f), name: f.name };
  const put = (column: string, t: Text | undefined) => inLanguages(column).forEach((c, i) => (cells[c] = both(t)[i]!));
  if (f.type === 'calculate') cells.calculation = f.calculation;
  else {
    put('label', f.label);
    put('hint', f.hint);
    if (f.required) {
      cells.required = 'yes';
      put('required_message', f.requiredMessage);
    }
    cells.constraint = constraintOf(f) ?? '';
    if ('constraintMessage' in f) put('constraint_message', f.constraintMessage);
    cells.relevant = f.relevant ?? '';
    if (f.type === 'date' && f.defaultToday) cells.default = 'today()';
    if (f.type === 'select_one_from_file') cells.choice_filter = f.filter ?? '';
    if ('appearance' in f) cells.appearance = f.appearance ?? '';
  }
  return SURVEY_COLUMNS.map((c) => cells[c] ?? '');
}

export function xlsFormSheets(model: FormModel): XlsFormSheets {
  const survey: SheetRows = [SURVEY_COLUMNS];
  for (const item of model.items) {
    if (item.type !== 'group') {
      survey.push(surveyRow(item));
      continue;
    }
    const begin: Record<string, string> = { type: 'begin_group', name: item.name };
    inLanguages('label').forEach((c, i) => (begin[c] = both(item.label)[i]!));
    survey.push(SURVEY_COLUMNS.map((c) => begin[c] ?? ''));
    for (const f of item.fields) survey.push(surveyRow(f));
    survey.push(SURVEY_COLUMNS.map((c) => (c === 'type' ? 'end_group' : '')));
  }
  const choices: SheetRows = [CHOICES_COLUMNS];
  for (const [list, items] of Object.entries(model.choices)) {
    for (const c of items) choices.push([list, c.value, ...both(c.label)]);
  }
  const settings: SheetRows = [SETTINGS_COLUMNS, [model.title, model.id, model.version, FORM_LANGUAGES[0].name]];
  return { survey, choices, settings };
}

/** The workbook's bytes: every cell text (no formulas, no numbers: `version` stays "2026.1"). */
export async function xlsFormBytes(model: FormModel): Promise<Buffer> {
  // Loaded here only: exceljs takes ~1.5 s and 65 MB to load, which every other command would pay.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(xlsFormSheets(model))) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((col) => (col.width = 18));
  }
  // A fixed date keeps the bytes of the same form the same.
  workbook.created = workbook.modified = new Date(0);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
