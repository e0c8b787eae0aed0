/**
 * Why two records may be one person: the reason codes of a candidate pair. Codes are fixed
 * (stored in duplicate_pairs.reasons, shown with a translated explanation: `review:reason.<code>`),
 * each with the points it adds to the pair's score (0–100; negative ones count against).
 */
export const PAIR_REASONS = {
  name_equal: 40,
  name_swapped: 38,
  name_partial: 25,
  /** Plus up to 15 as the names come closer (0.8 → 1). */
  name_similar: 20,
  /** Per doubling of the others who carry the name, up to the name's own points. */
  name_common: -6,
  birth_date_equal: 25,
  birth_year_equal: 5,
  desa_equal: 10,
  kecamatan_equal: 5,
  nik_one_digit: 20,
  nik_transposed: 20,
  nik_two_digits: 12,
  kk_near: 5,
  address_similar: 5,
  kk_equal: -15,
  /** Same family card and birth date, names alike but not the same: twins, far more often than one person twice. */
  kk_twins: -50,
  sex_differs: -30,
} as const;

export type PairReason = keyof typeof PAIR_REASONS;
export const PAIR_REASON_CODES = Object.keys(PAIR_REASONS) as PairReason[];

export function isPairReason(code: string): code is PairReason {
  return Object.hasOwn(PAIR_REASONS, code);
}

/** The decisions a person takes on a pair. */
export const DECISIONS = ['same_person', 'different', 'unsure'] as const;
export type Decision = (typeof DECISIONS)[number];

export function isDecision(value: unknown): value is Decision {
  return typeof value === 'string' && (DECISIONS as readonly string[]).includes(value);
}

/** Pairs scoring below this are not listed (`--min-score` changes it). */
export const DEFAULT_MIN_SCORE = 50;
