import type { JenisUsaha } from '../applicants/jenis-usaha.js';
import type { Reason, RuleName } from '../rubric/types.js';

/** An interview answer: an option value (choice), a whole number, or option values (multi). */
export type AnswerValue = string | number | string[];
/** Answers by rubric question id. */
export type Answers = Record<string, AnswerValue>;

/** What the registry says about an applicant, at the assessment date. Stored with each score. */
export interface Facts {
  in_dtks: boolean;
  /** Kemendagri code of the regency of residence. */
  kode_kabupaten: string | null;
  /** Whole years at the assessment date (from tanggal_lahir, else the NIK). */
  age: number | null;
  desil: number | null;
  /** The family (KK) is an active PKH member, or DTKS says so. */
  pkh_aktif: boolean;
  /** Woman heading her household (wanita rawan sosial ekonomi). */
  wrse: boolean;
  /** PKH komponen disabilitas or lansia on the family. */
  rentan_pkh: boolean;
  /** The latest earlier year the person received a UEP package, or null. */
  earlier_recipient: number | null;
  /** Applications of the person in the programme year. */
  applications: number;
  /**
   * The duplicate pair (duplicate_pairs.id) in which a person judged this record to be another
   * record's duplicate (`uep review`), or null. Absent from scores stored before issue 16.
   */
  duplicate_of?: number | null;
}

export interface ComponentScore {
  id: string;
  weight: number;
  /** 0–1 */
  fraction: number;
  points: number;
  fact?: number | boolean | null;
  answer?: AnswerValue | null;
}

export interface SectionScore {
  score: number;
  components: ComponentScore[];
}

export interface FitScore extends SectionScore {
  jenis_usaha: JenisUsaha;
  /** Labels of the business type's requirements the answers do not meet. */
  unmet: string[];
  /** The score before the requirement cap. */
  uncapped: number;
}

export interface RuleResult {
  rule: RuleName;
  /** The reason code when it fails. */
  reason: Reason;
  enabled: boolean;
  passed: boolean;
  value: string | number | boolean | null;
}

export interface ScoreResult {
  eligible: boolean;
  /** Reason codes of the failed rules, in rule order. */
  reasons: Reason[];
  rules: RuleResult[];
  need: SectionScore;
  fit: FitScore;
  total: number;
}
