/**
 * Which code system a file's regency codes use, decided on evidence, never guessed. Kemendagri and
 * BPS share six of Kalimantan Timur's ten codes; 6402 and 6403 name different regencies in the two
 * systems, 6404/6405 exist only in BPS coding and 6407/6408 only in Kemendagri's (data/README.md).
 * Evidence, in order: codes that exist in one system only; else, for rows whose code means
 * different regencies, the NIK (its first four digits are the Kemendagri regency where it was
 * issued: most people still live there). No code that differs between the systems: nothing to
 * decide, both readings agree.
 */
import { parseNik } from '../nik/nik.js';
import { reference } from './reference.js';
import type { KodeSystem } from './resolve.js';

export type KodeDecision =
  | { system: KodeSystem; evidence: 'one_system_codes' | 'nik' | 'no_difference' }
  | { system: undefined; evidence: 'both_systems' | 'nik_unclear' };

/** Rows whose code differs between the systems checked against their NIK before deciding. */
const NIK_SAMPLE = 1000;
/** Share of those rows that must agree with one reading, and at most with the other. */
const AGREE = 0.75;

export class KodeEvidence {
  private readonly kemendagri = new Set(reference().kabupaten.map((k) => k.kode));
  private readonly bpsToKemendagri = new Map(reference().kabupaten.map((k) => [k.kodeBps, k.kode]));
  private bpsOnly = 0;
  private kemendagriOnly = 0;
  private checked = 0;
  private agreeKemendagri = 0;
  private agreeBps = 0;

  /** One row's four-digit regency code and raw NIK. */
  add(code: string, rawNik: string): void {
    const inK = this.kemendagri.has(code);
    const asBps = this.bpsToKemendagri.get(code);
    if (inK && asBps === undefined) this.kemendagriOnly++;
    else if (!inK && asBps !== undefined) this.bpsOnly++;
    else if (inK && asBps !== code) {
      const nik = parseNik(rawNik);
      if (!nik.ok) return;
      this.checked++;
      const issued = nik.nik.slice(0, 4);
      if (issued === code) this.agreeKemendagri++;
      if (issued === asBps) this.agreeBps++;
    }
  }

  /** Enough seen to decide (the rest of the file would not change the answer). */
  get settled(): boolean {
    return this.bpsOnly + this.kemendagriOnly > 0 || this.checked >= NIK_SAMPLE;
  }

  decide(): KodeDecision {
    if (this.bpsOnly > 0 && this.kemendagriOnly > 0) return { system: undefined, evidence: 'both_systems' };
    if (this.bpsOnly > 0) return { system: 'bps', evidence: 'one_system_codes' };
    if (this.kemendagriOnly > 0) return { system: 'kemendagri', evidence: 'one_system_codes' };
    if (this.checked === 0) return { system: 'kemendagri', evidence: 'no_difference' };
    const k = this.agreeKemendagri / this.checked;
    const b = this.agreeBps / this.checked;
    if (k >= AGREE && b <= 1 - AGREE) return { system: 'kemendagri', evidence: 'nik' };
    if (b >= AGREE && k <= 1 - AGREE) return { system: 'bps', evidence: 'nik' };
    return { system: undefined, evidence: 'nik_unclear' };
  }
}
