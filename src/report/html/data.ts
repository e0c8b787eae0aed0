/**
 * What the HTML report shows, read through the same core functions as the CSV and JSON reports:
 * the year summary (`uep report summary`), the allocation rows and their fairness and summary
 * tables (`uep export allocation`), the monitoring report (`uep report monitoring`) and the run.
 */
import { getRun, type RunRow } from '../../allocate/store.js';
import type { Db } from '../../db/open.js';
import { summaryTable } from '../../export/allocation.js';
import type { Table } from '../../export/bundle.js';
import { fairness, type FairnessLine } from '../../export/fairness.js';
import { localDate } from '../../dates.js';
import { yearFigures, type YearFigures } from '../summary.js';

export interface ReportData extends YearFigures {
  runRow: RunRow | null;
  fairness: FairnessLine[];
  /** ringkasan.csv of the export: regency × business type, beneficiaries and rupiah. */
  ringkasan: Table;
  asOf: string;
  now: Date;
  timeZone?: string;
}

export function reportData(db: Db, options: { tahun?: number; asOf?: string; now: Date; timeZone?: string }): ReportData {
  const asOf = options.asOf ?? localDate(options.now);
  const figures = yearFigures(db, { ...options, asOf });
  return {
    ...figures,
    runRow: figures.run ? getRun(db, figures.run.id) : null,
    fairness: fairness(figures.rows),
    ringkasan: summaryTable(figures.rows),
    asOf,
    now: options.now,
    timeZone: options.timeZone,
  };
}
