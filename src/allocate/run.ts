/**
 * `uep allocate` and `uep allocate compare` over the database: parameters filled in with their
 * defaults, the pool loaded, the plan made, the budget checked, and the run stored (unless dry).
 */
import { latestTahun } from '../applicants/list.js';
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { ApportionMethod } from './apportion.js';
import { inputsHash } from './inputs-hash.js';
import { readPaketCsv } from './paket.js';
import { planAllocation } from './plan.js';
import { loadPool, type Pool } from './pool.js';
import { equalRegions, type AllocationRegion } from './regions.js';
import { saveRun } from './store.js';
import type { AllocationParams, AllocationPlan, WaitlistSpec } from './types.js';
import { DEFAULT_WAITLIST } from './waitlist.js';

export const DEFAULT_SLOTS = 1500;

export interface AllocateOptions {
  tahun?: number;
  slots?: number;
  /** Default: equal without weights, hamilton with them. */
  method?: ApportionMethod;
  /** From a weights file (regionsFromWeights); default: the ten regencies, equal weight. */
  regions?: AllocationRegion[];
  min?: number;
  max?: number;
  waitlist?: WaitlistSpec;
  /** Default: the year. */
  seed?: string;
  /** Package values; default: data/paket.csv. */
  paket?: Record<string, number>;
  budget?: number;
}

export async function allocationParams(db: Db, o: AllocateOptions): Promise<AllocationParams> {
  const tahun = o.tahun ?? latestTahun(db);
  return {
    tahun,
    slots: o.slots ?? DEFAULT_SLOTS,
    method: o.method ?? (o.regions ? 'hamilton' : 'equal'),
    regions: o.regions ?? equalRegions(),
    min: o.min,
    max: o.max,
    waitlist: o.waitlist ?? DEFAULT_WAITLIST,
    seed: o.seed ?? String(tahun),
    paket: o.paket ?? (await readPaketCsv()),
    budget: o.budget,
  };
}

function poolOf(db: Db, tahun: number): Pool {
  const pool = loadPool(db, tahun);
  if (pool.rows.length === 0) {
    throw new UepError(t('allocate:run.empty_pool', { tahun }), t('allocate:run.empty_pool_hint'));
  }
  return pool;
}

export interface AllocationOutcome {
  run_id: number | null;
  inputs_sha256: string;
  rubric: Pool['rubric'];
  plan: AllocationPlan;
}

export async function allocate(db: Db, options: AllocateOptions & { dryRun?: boolean; now?: Date }): Promise<AllocationOutcome> {
  const params = await allocationParams(db, options);
  const pool = poolOf(db, params.tahun);
  const plan = planAllocation(pool.rows, params);
  if (params.budget !== undefined && plan.totals.package_total > params.budget) {
    throw new UepError(t('allocate:run.over_budget', { n: plan.totals.selected, needs: plan.totals.package_total, budget: params.budget }),
      t('allocate:run.over_budget_hint'));
  }
  const hash = inputsHash(pool, params);
  const runId = options.dryRun ? null : saveRun(db, plan, pool, hash, options.now ?? new Date());
  return { run_id: runId, inputs_sha256: hash, rubric: pool.rubric, plan };
}

/** The same pool under several methods, side by side; nothing stored. */
export async function compareMethods(db: Db, options: AllocateOptions, methods: ApportionMethod[]): Promise<AllocationPlan[]> {
  const base = await allocationParams(db, options);
  const pool = poolOf(db, base.tahun);
  return methods.map((method) => planAllocation(pool.rows, { ...base, method }));
}
