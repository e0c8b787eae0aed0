/**
 * One plain description of a phone form (ODK Collect / KoboCollect), from which both the XLSForm
 * (xlsform.ts) and the XForm XML (xform.ts) are written, so the two can never disagree.
 * Expressions are written as in XLSForm: `${name}` names another field, `.` the field itself;
 * the XForm writer turns `${name}` into the field's path.
 */

/** A text in the form's two languages: Indonesian first (the default), English second. */
export interface Text {
  id: string;
  en: string;
}

/** The form's languages, named as XLSForm columns name them (`label::Indonesian (id)`). */
export const FORM_LANGUAGES = [
  { key: 'id', name: 'Indonesian (id)' },
  { key: 'en', name: 'English (en)' },
] as const;

export interface Choice {
  /** The value stored in the submission: letters, digits and _ only (ODK splits multi answers on spaces). */
  value: string;
  label: Text;
}

interface Base {
  /** The XLSForm name, the submission's element and the export's column. */
  name: string;
  label: Text;
  hint?: Text;
  required?: boolean;
  requiredMessage?: Text;
  relevant?: string;
}

export type Question =
  | (Base & { type: 'select_one' | 'select_multiple'; list: string; appearance?: string })
  /** Choices from a CSV attachment (`name`, `label` and more columns); `filter` as XLSForm's choice_filter. */
  | (Base & { type: 'select_one_from_file'; file: string; filter?: string; appearance?: string })
  | (Base & { type: 'integer'; min?: number; max?: number; constraintMessage?: Text })
  | (Base & { type: 'text' })
  /** `notFuture`: no later than the phone's today; `defaultToday`: today until changed. */
  | (Base & { type: 'date'; notFuture?: boolean; defaultToday?: boolean; constraintMessage?: Text });

/** A value the form works out itself (kept in the submission, never shown). */
export interface Calculate {
  type: 'calculate';
  name: string;
  calculation: string;
}

export type Field = Question | Calculate;

export interface Group {
  type: 'group';
  name: string;
  label: Text;
  fields: Field[];
}

export type Item = Field | Group;

/** A CSV file sent with the form (select_one_from_file): a header, then rows. */
export interface Attachment {
  file: string;
  columns: string[];
  rows: string[][];
}

export interface FormModel {
  /** settings form_id: the XForm's id, also the root element's `id`. */
  id: string;
  title: string;
  /** settings version (the rubric's version for the assessment). */
  version: string;
  /** The XForm's root element (XLSForm: settings `name`; pyxform's default is `data`). */
  root: string;
  items: Item[];
  choices: Record<string, Choice[]>;
  attachments: Attachment[];
}

/** Every field with the path of its element in the submission (`/data/grp_usaha/keterampilan`). */
export function fieldPaths(model: FormModel): { field: Field; path: string; group?: Group }[] {
  const out: { field: Field; path: string; group?: Group }[] = [];
  for (const item of model.items) {
    if (item.type === 'group') {
      for (const f of item.fields) out.push({ field: f, path: `/${model.root}/${item.name}/${f.name}`, group: item });
    } else out.push({ field: item, path: `/${model.root}/${item.name}` });
  }
  return out;
}

/** Name of a CSV attachment as an XForm secondary instance (`pendaftar.csv` → `pendaftar`). */
export function instanceId(file: string): string {
  return file.replace(/\.csv$/i, '');
}

/** A text as an XPath string literal. */
export function xpathString(text: string): string {
  return text.includes("'") ? `"${text.replace(/"/g, '')}"` : `'${text}'`;
}
