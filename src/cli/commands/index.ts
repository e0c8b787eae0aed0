import type { Command } from 'commander';
import type { Run } from '../action.js';
import { registerAppeal } from './appeal.js';
import { registerAllocate } from './allocate.js';
import { registerApplicants } from './applicants.js';
import { registerAssess } from './assess.js';
import { registerAudit } from './audit.js';
import { registerExplain } from './explain.js';
import { registerExport } from './export.js';
import { registerImport } from './import.js';
import { registerMaintenance } from './maintenance.js';
import { registerMonitor } from './monitor.js';
import { registerQuota } from './quota.js';
import { registerRecipients } from './recipients.js';
import { registerReport } from './report.js';
import { registerReview } from './review.js';
import { registerScore } from './score.js';
import { registerStatus } from './status.js';
import { registerUsulan } from './usulan.js';

export function registerCommands(program: Command, run: Run): void {
  registerImport(program, run);
  registerRecipients(program, run);
  registerApplicants(program, run);
  registerAssess(program, run);
  registerScore(program, run);
  registerExplain(program, run);
  registerStatus(program, run);
  registerAudit(program, run);
  registerMaintenance(program, run);
  registerQuota(program, run);
  registerAllocate(program, run);
  registerExport(program, run);
  registerMonitor(program, run);
  registerReport(program, run);
  registerReview(program, run);
  registerUsulan(program, run);
  registerAppeal(program, run);
}
