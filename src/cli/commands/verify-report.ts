/** What `uep allocate verify` says about a run, one full sentence per line (stderr talk). */
import type { InputChange } from '../../allocate/input-changes.js';
import type { VerifyReport } from '../../allocate/verify.js';

const ids = (c: InputChange) => `${c.application_ids.join(', ')}${c.applicants > c.application_ids.length ? ', …' : ''}`;

const CHANGE: Record<InputChange['field'], (c: InputChange) => string> = {
  joined_pool: (c) => `${c.applicants} applicant(s) joined the pool since the run (application ${ids(c)}).`,
  left_pool: (c) => `${c.applicants} applicant(s) left the pool since the run (application ${ids(c)}).`,
  pkh: (c) => `The pool's PKH flag (active PKH, the rubric's pkh_aktif) changed for ${c.applicants} applicant(s) (application ${ids(c)}).`,
  desil: (c) => `The desil changed for ${c.applicants} applicant(s) (application ${ids(c)}).`,
  total_score: (c) => `The total score changed for ${c.applicants} applicant(s) (application ${ids(c)}).`,
  kode_kabupaten: (c) => `The regency of residence changed for ${c.applicants} applicant(s) (application ${ids(c)}).`,
  no_kk: (c) => `The family card (no_kk) changed for ${c.applicants} applicant(s) (application ${ids(c)}).`,
  tanggal_daftar: (c) => `The registration date changed for ${c.applicants} applicant(s) (application ${ids(c)}).`,
  jenis_usaha: (c) => `The business type changed for ${c.applicants} applicant(s) (application ${ids(c)}).`,
  jenis_kelamin: (c) => `The sex changed for ${c.applicants} applicant(s) (application ${ids(c)}).`,
  nik: (c) => `The NIK changed for ${c.applicants} application(s) (application ${ids(c)}).`,
  application_id: (c) => `The application id changed for ${c.applicants} row(s).`,
};

export function verifyLines(v: VerifyReport): string[] {
  const lines: string[] = [];
  if (v.inputs_unchanged) lines.push('Inputs unchanged since the run (same pool, scores, rubric and parameters).');
  else {
    lines.push(`Inputs CHANGED since the run: stored ${v.stored_inputs_sha256.slice(0, 12)}…, now ${v.current_inputs_sha256.slice(0, 12)}….`);
    if (v.earlier_pkh_rule) {
      lines.push(`Run ${v.run_id} was ranked with uep's earlier PKH flag (the applicant's own PKH row, or a PKH row with the same no_kk); `
        + 'the pool now uses active PKH as the rubric\'s pkh_aktif defines it (docs/facts.md).');
    }
    if (v.rubric_changed) lines.push('The scores of the pool now come from another rubric than the run\'s.');
    lines.push(...v.input_changes.map((c) => CHANGE[c.field](c)));
    if (!v.pool_stored && !v.earlier_pkh_rule) {
      lines.push(v.input_changes.length === 0 && !v.rubric_changed
        ? `Run ${v.run_id} was stored before uep kept the pool with each result: the change is in a field it does not keep (family card, desil, PKH, registration date or sex).`
        : `Run ${v.run_id} was stored before uep kept the pool with each result: fields it does not keep (family card, desil, PKH, registration date or sex) may have changed too.`);
    }
  }
  lines.push(v.identical ? `Run ${v.run_id} (${v.status}) recomputes identically${v.replacements_replayed ? ` after replaying ${v.replacements_replayed} replacement(s)` : ''}.`
    : `Run ${v.run_id}: ${v.differences} result row(s) differ when recomputed.`);
  return lines;
}
