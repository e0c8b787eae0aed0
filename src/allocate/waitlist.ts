/** Waitlist size per regency: `N` applicants, or `P%` of the regency's quota rounded up. */
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { WaitlistSpec } from './types.js';

export const DEFAULT_WAITLIST: WaitlistSpec = { percent: '10' };

/** "15" → 15 per regency; "10%" or "12.5%" → that share of each quota, rounded up. */
export function parseWaitlist(text: string): WaitlistSpec {
  const value = text.trim();
  const percent = /^(\d{1,3}(?:\.\d{1,4})?)\s*%$/.exec(value);
  if (percent) {
    if (Number(percent[1]) > 100) throw new UsageError(t('allocate:waitlist.over_100', { value: text }));
    return { percent: percent[1]!.replace(/^0+(?=\d)/, '') };
  }
  if (/^\d{1,6}$/.test(value)) return { count: Number(value) };
  throw new UsageError(t('allocate:waitlist.bad', { value: text }));
}

/** Exact: ceil(quota · P / 100) computed on integers (P has at most 4 decimals). */
export function waitlistSize(spec: WaitlistSpec, quota: number): number {
  if ('count' in spec) return spec.count;
  const [whole, frac = ''] = spec.percent.split('.');
  const scale = 10 ** frac.length;
  const p = Number(whole) * scale + Number(frac || '0');
  const den = 100 * scale;
  return Math.floor((quota * p + den - 1) / den); // quota·p < 2^53: exact integer arithmetic
}
