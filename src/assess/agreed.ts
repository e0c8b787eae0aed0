/**
 * The agreed business type, asked after the ranking is shown. The default is the best-ranked type
 * that passes the rubric's minimum fit (eligibility rule min_fit), so that Enter never picks a type
 * that fails it while another passes; the type asked for stays in the list, marked. When no type
 * passes, the default is the type asked for and a note says so.
 */
import type { JenisUsaha } from '../applicants/jenis-usaha.js';
import { t } from '../i18n/index.js';
import type { Prompter } from '../prompter.js';
import { jenisLabel } from '../report/html/labels.js';
import type { Rubric } from '../rubric/types.js';
import { passesMinFit } from '../score/compute.js';
import type { FitScore } from '../score/types.js';

/** The type Enter takes: the first of `ranking` (best first) passing min_fit, else `applied`. */
export function suggestedType(rubric: Rubric, ranking: FitScore[], applied: JenisUsaha): { jenis: JenisUsaha; passes: boolean } {
  const best = ranking.find((r) => passesMinFit(rubric, r.score));
  return best ? { jenis: best.jenis_usaha, passes: true } : { jenis: applied, passes: false };
}

export async function askAgreedType(p: Prompter, note: (text: string) => void, rubric: Rubric, ranking: FitScore[], applied: JenisUsaha): Promise<JenisUsaha> {
  const suggested = suggestedType(rubric, ranking, applied);
  if (!suggested.passes) note(t('assess:interview.none_passes_min_fit', { min: rubric.eligibility.min_fit.min }));
  return p.select({
    message: t('assess:interview.agreed_type'),
    choices: ranking.map((r) => ({
      value: r.jenis_usaha,
      name: t(r.jenis_usaha === applied ? 'assess:interview.type_choice_asked' : 'assess:interview.type_choice', { jenis: jenisLabel(r.jenis_usaha), fit: r.score }),
    })),
    default: suggested.jenis,
  });
}
