/**
 * The rubric's texts as the reader sees them: its questions and labels are Indonesian data, with
 * optional English beside them (`text_en`, `label_en`) shown with --lang en. Codes (question ids,
 * option values, reason codes) and the stored labels never change with the language.
 */
import { language, t } from '../i18n/index.js';
import type { Option, Question, Reason, Requirement, Rubric } from './types.js';

const inEnglish = () => language() === 'en';

export function questionText(q: Question): string {
  return inEnglish() && q.text_en ? q.text_en : q.text;
}

export function optionLabel(o: Option): string {
  return inEnglish() && o.label_en ? o.label_en : o.label;
}

export function requirementLabel(r: Requirement): string {
  return inEnglish() && r.label_en ? r.label_en : r.label;
}

/**
 * A requirement's stored label (as a score keeps it in `unmet`) → the reader's language, looked up
 * in the rubric; a label the rubric does not know is shown as stored.
 */
export function unmetLabel(rubric: Rubric, stored: string): string {
  for (const list of Object.values(rubric.fit.requirements)) {
    const r = list.find((x) => x.label === stored);
    if (r) return requirementLabel(r);
  }
  return stored;
}

/** What an eligibility reason code means, e.g. desil_above_max → "desil di atas batas". */
export function reasonText(reason: Reason): string {
  return t(`rubric:reason.${reason}`);
}
