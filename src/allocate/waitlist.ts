/** Waitlist size per regency: `N` applicants, or `P%` of the regency's quota rounded up. */
import { UsageError } from '../errors.js';
import type { WaitlistSpec } from './types.js';

export const DEFAULT_WAITLIST: WaitlistSpec = { percent: '10' };

/** "15" → 15 per regency; "10%" or "12.5%" → that share of each quota, rounded up. */
export function parseWaitlist(text: string): WaitlistSpec {
  const t = text.trim();
  const percent = /^(\d{1,3}(?:\.\d{1,4})?)\s*%$/.exec(t);
  if (percent) {
    if (Number(percent[1]) > 100) throw new UsageError(`--waitlist ${text}: a percentage of the quota must be at most 100%`);
    return { percent: percent[1]!.replace(/^0+(?=\d)/, '') };
  }
  if (/^\d{1,6}$/.test(t)) return { count: Number(t) };
  throw new UsageError(`--waitlist ${text}: expected a number per regency (e.g. 15) or a percentage of its quota (e.g. 10%)`);
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

export function describeWaitlist(spec: WaitlistSpec): string {
  return 'count' in spec ? `${spec.count} per regency` : `${spec.percent}% of each quota, rounded up`;
}
