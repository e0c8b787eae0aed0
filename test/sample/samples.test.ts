import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FILES } from '../../src/sample/samples.js';
import { ROOT, tempDir } from '../helpers.js';

describe('data/sample/', () => {
  for (const sample of SAMPLE_FILES) {
    it(`${sample.name} is exactly what \`npm run sample\` writes`, async () => {
      const path = join(tempDir(), sample.name);
      await sample.write(path);
      expect(readFileSync(join(ROOT, 'data', 'sample', sample.name)).equals(readFileSync(path))).toBe(true);
    });
  }
});
