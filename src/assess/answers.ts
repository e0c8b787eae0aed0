/** Reading and checking answers to the rubric's questions: the same rules for the interview and for forms. */
import { parseFlag } from '../import/values.js';
import type { Question, Rubric } from '../rubric/types.js';
import type { Answers, AnswerValue } from '../score/types.js';

export type ParsedAnswer = { ok: true; value: AnswerValue } | { ok: false; problem: 'missing' | 'invalid' };

const key = (s: string) => s.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');

function option(q: Extract<Question, { options: unknown }>, raw: string): string | undefined {
  const k = key(raw);
  const found = q.options.find((o) => key(o.value) === k || key(o.label) === k);
  if (found) return found.value;
  // Yes/no questions also take 1/0, y/t, true/false …
  const values = q.options.map((o) => o.value).sort().join();
  if (values === 'tidak,ya') {
    const flag = parseFlag(raw);
    if (flag !== undefined) return flag ? 'ya' : 'tidak';
  }
  return undefined;
}

/**
 * A form cell → an answer. choice: the option's value or label (any case); number: a whole number
 * in range; multi: values or labels separated by ; , or | (or spaces, as ODK writes them), empty or
 * "-" for none.
 */
export function parseAnswer(q: Question, raw: string): ParsedAnswer {
  const text = raw.trim();
  if (q.type === 'number') {
    if (text === '') return { ok: false, problem: 'missing' };
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    return Number.isInteger(n) && n >= q.min && n <= q.max ? { ok: true, value: n } : { ok: false, problem: 'invalid' };
  }
  if (q.type === 'choice') {
    if (text === '') return { ok: false, problem: 'missing' };
    const v = option(q, text);
    return v === undefined ? { ok: false, problem: 'invalid' } : { ok: true, value: v };
  }
  if (text === '' || text === '-') return { ok: true, value: [] };
  const whole = option(q, text);
  if (whole !== undefined) return { ok: true, value: [whole] };
  const parts = (/[;,|]/.test(text) ? text.split(/[;,|]/) : text.split(/\s+/)).map((p) => p.trim()).filter((p) => p !== '');
  const picked = new Set<string>();
  for (const p of parts) {
    const v = option(q, p);
    if (v === undefined) return { ok: false, problem: 'invalid' };
    picked.add(v);
  }
  return { ok: true, value: q.options.map((o) => o.value).filter((v) => picked.has(v)) };
}

/** Whether a value is a valid answer to the question (as stored). */
export function isValidAnswer(q: Question, value: unknown): value is AnswerValue {
  if (q.type === 'number') return typeof value === 'number' && Number.isInteger(value) && value >= q.min && value <= q.max;
  const values = q.options.map((o) => o.value);
  if (q.type === 'choice') return typeof value === 'string' && values.includes(value);
  return Array.isArray(value) && value.every((v) => values.includes(v)) && new Set(value).size === value.length;
}

/** The answers as stored: in the rubric's question order, so equal answers give equal JSON. */
export function answersJson(rubric: Rubric, answers: Answers): string {
  const out: Answers = {};
  for (const q of rubric.questions) {
    const v = answers[q.id];
    if (v === undefined) continue;
    out[q.id] = Array.isArray(v) && q.type === 'multi' ? q.options.map((o) => o.value).filter((x) => v.includes(x)) : v;
  }
  return JSON.stringify(out);
}

/** The label of an answer, for people. */
export function answerLabel(q: Question, value: AnswerValue | null | undefined): string {
  if (value === undefined || value === null) return '(no answer)';
  if (q.type === 'number') return String(value);
  const label = (v: string) => q.options.find((o) => o.value === v)?.label ?? v;
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(label).join('; ');
  return label(String(value));
}
