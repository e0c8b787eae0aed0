import { it } from 'vitest';
import { uep } from '../helpers.js';
import { importWorld } from './world.js';
it('scratch', async () => {
  const { db, dir } = await importWorld();
  for (const args of [['review', 'duplicates'], ['review', 'duplicates', '--json', '--min-score', '90'], ['review', 'decide', '1', '--as', 'same_person'], ['review', 'decide', '1', '--as', 'same_person', '--keep', 'b', '--note', 'KTP lama 6472011503750123'], ['review', 'list', '--status', 'all', '--out', 'x', '--excel'], ['review', 'decide'], ['audit']]) {
    const r = await uep([...args, '--db', db], { cwd: dir, env: { UEP_LANG: process.env.L ?? 'en' } });
    console.log(`$ ${args.join(' ')} → ${r.code}\n${r.stdout}\n--- stderr\n${r.stderr}`);
  }
});
