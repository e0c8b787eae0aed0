/** The data allocation works on and produces. Plain objects: the planner never sees a database. */
import type { ApportionMethod, TieReport } from './apportion.js';

/** One eligible, scored applicant of the year. */
export interface PoolRow {
  application_id: number;
  nik: string;
  no_kk: string | null;
  /** Kemendagri code of the regency of residence (persons.kode_kabupaten). */
  kode_kabupaten: string;
  total_score: number;
  desil: number | null;
  /** The applicant or someone on the same KK is an active PKH member. */
  pkh: boolean;
  /** YYYY-MM-DD, or null when unknown (ranks after any date). */
  tanggal_daftar: string | null;
  /** The agreed business type (assessment), else the one applied for. */
  jenis_usaha: string;
  jenis_kelamin: 'L' | 'P' | null;
}

/** Waitlist size per regency: a count, or a percentage of its quota rounded up. */
export type WaitlistSpec = { count: number } | { percent: string };

export interface AllocationParams {
  tahun: number;
  slots: number;
  method: ApportionMethod;
  /** The regions slots are apportioned over, by Kemendagri code, with exact weights, in order. */
  regions: { kode: string; weight: string }[];
  min?: number;
  max?: number;
  waitlist: WaitlistSpec;
  seed: string;
  /** Package value in rupiah per jenis_usaha. */
  paket: Record<string, number>;
  budget?: number;
}

export const OUTCOMES = ['selected', 'waitlist', 'not_selected', 'skipped', 'replaced'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The reasons the planner gives (a replaced result carries the officer's own words instead). */
export const RESULT_REASONS = ['quota', 'replacement', 'appeal', 'waitlist', 'same_kk', 'same_kk_waitlist', 'below_cutoff', 'region_not_in_weights'] as const;

/**
 * Reason codes: selected `quota` (or `replacement`, or `appeal`: an appellant put in a replaced place); waitlist `waitlist`; skipped `same_kk`
 * (a family member is selected) or `same_kk_waitlist` (one is already waitlisted);
 * not_selected `below_cutoff` or `region_not_in_weights`; replaced: the officer's reason.
 */
export interface ResultRow {
  application_id: number;
  nik: string;
  kode_kabupaten: string;
  /** 1-based rank among the regency's eligible applicants. */
  rank: number;
  outcome: Outcome;
  reason: string;
  jenis_usaha: string;
  package_value: number;
  total_score: number;
  /** 1-based place on the regency's waitlist, null when not waitlisted. */
  waitlist_pos: number | null;
}

/**
 * One round of re-apportionment: regencies whose quota exceeds what they can use (their eligible
 * applicants from distinct families, or --max) are fixed at that, and the remaining slots are
 * apportioned again by the same method over the regencies not fixed.
 */
export interface QuotaMove {
  round: number;
  capped: { kode: string; quota: number; capacity: number; released: number }[];
  released: number;
  /** How each other regency's quota changed in this round (never negative under divisor methods). */
  to: { kode: string; slots: number }[];
  /** Slots no regency could take: the pool is exhausted (or every regency is at --max). */
  unused: number;
}

/** A tie decided by input (regency code) order; round 0 is the first apportionment. */
export type PlanTie = TieReport & { round: number };

export interface RegencyPlan {
  kode: string;
  nama: string;
  /** Slots after re-apportionment (= selected unless the regency ran out of applicants). */
  quota: number;
  /** Quota first apportioned by the method, before any move. */
  initial_quota: number;
  /** Eligible applicants (persons) of the regency, all ranked. */
  eligible_applicants: number;
  /** Their distinct family cards (an applicant without a KK counts alone): what the quota can use, one package per KK. */
  eligible_kk: number;
  selected: number;
  waitlisted: number;
  cutoff_score: number | null;
  /** Shares of women and of PKH families among the selected, 0..1 (null when none selected). */
  women_share: number | null;
  pkh_share: number | null;
  package_total: number;
}

export interface AllocationTotals {
  slots: number;
  /** Eligible applicants (persons) in the pool. */
  eligible_applicants: number;
  /** Their distinct family cards across the whole pool (a family spread over two regencies counts once). */
  eligible_kk: number;
  selected: number;
  waitlisted: number;
  skipped_same_kk: number;
  /** Slots no regency could use: the pool ran out. */
  unused: number;
  package_total: number;
  women_share: number | null;
  pkh_share: number | null;
}

export interface AllocationPlan {
  params: AllocationParams;
  regencies: RegencyPlan[];
  /** Every pool row, ordered by regency code then rank. */
  results: ResultRow[];
  moves: QuotaMove[];
  ties: PlanTie[];
  totals: AllocationTotals;
}
