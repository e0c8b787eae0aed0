/** The campaign's figures, and what it found, by whose part of the code it is. */

/** db: the database, backup/restore, audit (this branch); files: input/output files and paths; cli: arguments. */
export type Area = 'db' | 'files' | 'cli';

export interface Finding {
  area: Area;
  kind: 'crash' | 'unexpected error' | 'hang' | 'other state' | 'corrupt' | 'partial write' | 'personal data' | 'file mode' | 'leftover' | 'incomplete output' | 'wrong exit';
  where: string;
  detail: string;
}

export class Tally {
  kills = 0;
  finishedBeforeKill = 0;
  readonly states = { before: 0, after: 0, other: 0 };
  runs = 0;
  fuzzCases = 0;
  readonly fuzzOutcomes = { ok: 0, refused: 0, usage: 0 };
  filesChecked = 0;
  /** Failures of the campaign's own code (not of uep): its figures are then incomplete. */
  harnessErrors = 0;
  readonly findings: Finding[] = [];

  find(f: Finding): void {
    this.findings.push(f);
  }

  count(kind: Finding['kind'], area?: Area): number {
    return this.findings.filter((f) => f.kind === kind && (area === undefined || f.area === area)).length;
  }

  report(): string {
    const lines = [
      `kills: ${this.kills} (plus ${this.finishedBeforeKill} runs that finished before their kill time)`,
      `database after a kill: before ${this.states.before}, after ${this.states.after}, other ${this.states.other}, corrupt ${this.count('corrupt')}`,
      `fuzz cases: ${this.fuzzCases} (accepted ${this.fuzzOutcomes.ok}, refused with exit 1: ${this.fuzzOutcomes.refused}, usage errors: ${this.fuzzOutcomes.usage}); partial writes: ${this.count('partial write')}`,
      `commands run: ${this.runs}; crashes: ${this.count('crash')}, "unexpected error": ${this.count('unexpected error')}, hangs: ${this.count('hang')}, wrong exit codes: ${this.count('wrong exit')}`,
      `personal data in messages or the audit log: ${this.count('personal data')}`,
      `files and folders uep created, mode checked at first sight: ${this.filesChecked}; readable by others: ${this.count('file mode')}`,
      `leftover temporary files after the next run: ${this.count('leftover')}; incomplete outputs: ${this.count('incomplete output')}`,
      ...(this.harnessErrors ? [`(the campaign's own code failed ${this.harnessErrors} time(s): see its log)`] : []),
    ];
    for (const area of ['db', 'files', 'cli'] as Area[]) {
      const mine = this.findings.filter((f) => f.area === area);
      lines.push('', `findings in ${area === 'db' ? 'the database, backup/restore and audit' : area === 'files' ? 'file and path handling' : 'command-line arguments'}: ${mine.length}`);
      const groups = new Map<string, Finding[]>();
      for (const f of mine) groups.set(`${f.kind} — ${f.where}`, [...(groups.get(`${f.kind} — ${f.where}`) ?? []), f]);
      for (const [key, fs] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
        lines.push(`  ${fs.length} × ${key}: ${fs[0]!.detail.replace(/\s+/g, ' ').slice(0, 220)}`);
      }
    }
    return lines.join('\n');
  }
}
