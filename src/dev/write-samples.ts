/** `npm run sample`: rewrites the synthetic sample files in data/sample/ from fixed seeds. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAMPLE_FILES } from '../sample/samples.js';

const DIR = fileURLToPath(new URL('../../data/sample/', import.meta.url));

async function main(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  for (const sample of SAMPLE_FILES) {
    await sample.write(join(DIR, sample.name));
    process.stdout.write(`wrote data/sample/${sample.name}\n`);
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exitCode = 1;
});
