import type { JenisUsaha } from '../applicants/jenis-usaha.js';

/**
 * The scoring rubric (data/rubric.json, documented in docs/rubric.md): eligibility rules, the
 * interview's questions, and the need and business-fit components with their weights.
 */
export interface Rubric {
  version: string;
  description?: string;
  eligibility: Eligibility;
  questions: Question[];
  need: Section;
  fit: FitSection;
}

export interface Rule {
  enabled: boolean;
}

export interface Eligibility {
  in_dtks: Rule;
  kabupaten: Rule & { kode: string[] };
  age: Rule & { min: number; max: number };
  desil: Rule & { max: number };
  earlier_recipient: Rule;
  one_application: Rule;
  min_fit: Rule & { min: number };
}

export type RuleName = keyof Eligibility;
export const RULE_NAMES: RuleName[] = ['in_dtks', 'kabupaten', 'age', 'desil', 'earlier_recipient', 'one_application', 'min_fit'];

/** Reason codes of failed rules. They are fixed (reports and docs rely on them); the rubric sets the limits. */
export const REASONS = {
  not_in_dtks: 'not registered in DTKS (or has left it)',
  outside_kabupaten: 'not living in one of the regencies of the rubric',
  age_out_of_range: 'age outside the allowed range at the assessment date',
  desil_above_max: 'desil above the maximum',
  desil_unknown: 'desil unknown',
  earlier_recipient: 'received a UEP package in an earlier year',
  multiple_applications: 'more than one application this year',
  fit_below_min: 'business-fit score below the minimum',
} as const;
export type Reason = keyof typeof REASONS;

export interface Option {
  value: string;
  label: string;
  /** The label in English, for the phone form's second language (default: the label). */
  label_en?: string;
}

/** `text_en`: the question in English, for the phone form's second language (default: the text). */
export type Question =
  | { id: string; text: string; text_en?: string; type: 'choice'; options: Option[] }
  | { id: string; text: string; text_en?: string; type: 'multi'; options: Option[] }
  | { id: string; text: string; text_en?: string; type: 'number'; min: number; max: number };

/** Facts read from DTKS/PKH (and recipients) rather than asked. */
export const FACTS = ['desil', 'pkh_aktif', 'wrse', 'rentan_pkh'] as const;
export type FactName = (typeof FACTS)[number];

/**
 * One scored component: `weight` points (of the section's 100) times a fraction 0–1 taken from a
 * fact, a question, or both (the larger counts).
 * - fact desil: `points` maps "1".."10" to a fraction; boolean facts count 1 or 0.
 * - choice question: `points` maps option values to fractions.
 * - number question: `full_at`: the fraction is min(answer, full_at) / full_at.
 * - multi question: `per_jenis`: the answer counts (1) for a business type when it holds one of
 *   the values listed for that type.
 */
export interface Component {
  weight: number;
  fact?: FactName;
  question?: string;
  points?: Record<string, number>;
  full_at?: number;
  per_jenis?: Record<JenisUsaha, string[]>;
}

export interface Section {
  /** Share of the total score (need + fit = 100). */
  weight: number;
  components: Record<string, Component>;
}

/** A business type's requirement: one of the values must be in the answer to the question. */
export interface Requirement {
  question: string;
  any_of: string[];
  label: string;
}

export interface FitSection extends Section {
  /** The fit score of a business type whose requirement is unmet is at most this. */
  requirement_cap: number;
  requirements: Record<JenisUsaha, Requirement[]>;
}

/** A rubric as loaded: with where it came from and the sha256 of the file's bytes. */
export interface LoadedRubric {
  rubric: Rubric;
  sha256: string;
  /** The file's text, kept in the database with the scores computed from it. */
  content: string;
  file: string;
}
