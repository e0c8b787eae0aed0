import type { Command } from 'commander';
import type { Action } from '../main.js';
import { registerAudit } from './audit.js';
import { registerImport } from './import.js';
import { registerMaintenance } from './maintenance.js';
import { registerStatus } from './status.js';

export function registerCommands(program: Command, run: (fn: Action) => (...args: unknown[]) => Promise<void>): void {
  registerImport(program, run);
  registerStatus(program, run);
  registerAudit(program, run);
  registerMaintenance(program, run);
}
