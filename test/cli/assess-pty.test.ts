/**
 * The built binary in a real pseudo-terminal (python3's pty module), driven key by key the way an
 * officer types: the interview from identity to save, and a Ctrl-C that saves nothing.
 * Needs `npm run build` first (as every uepBin test does).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, nik, openDb, tempDir, uep, writeFile } from '../helpers.js';

const SITI = nik('6472', 5, 7, 85, 1, true);
const hasPython = spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' }).status === 0;

/** Runs argv in a pty; steps: [text to wait for (after the previous step), keys to send]. */
const DRIVER = String.raw`
import json, os, pty, re, select, subprocess, sys, time
spec = json.loads(sys.argv[1])
master, slave = pty.openpty()
env = dict(os.environ, **spec['env'])
env.pop('CI', None)
p = subprocess.Popen(spec['argv'], stdin=slave, stdout=subprocess.PIPE, stderr=slave, env=env, cwd=spec['cwd'], close_fds=True)
os.close(slave)
screen = ''
ansi = re.compile(r'\x1b\[[0-9;?]*[A-Za-z]')
def read(timeout):
    global screen
    r, _, _ = select.select([master], [], [], timeout)
    if r:
        try:
            data = os.read(master, 65536).decode('utf8', 'replace')
        except OSError:
            return False
        screen += ansi.sub('', data)
    return True
pos = 0
for wait, keys in spec['steps']:
    deadline = time.time() + 15
    while wait not in screen[pos:]:
        if time.time() > deadline or p.poll() is not None:
            read(0.2)
            print(json.dumps({'error': 'waited for ' + wait, 'screen': screen[-1500:], 'code': p.poll()}))
            sys.exit(0)
        read(0.1)
    pos = screen.index(wait, pos) + len(wait)
    time.sleep(0.15)
    for k in keys:
        os.write(master, k.encode())
        time.sleep(0.05)
out = p.stdout.read().decode()
code = p.wait(timeout=15)
while read(0.05):
    if p.poll() is not None and not select.select([master], [], [], 0)[0]:
        break
print(json.dumps({'code': code, 'stdout': out, 'screen': screen[-3000:]}))
`;

const ENTER = '\r';
const DOWN = '\x1b[B';

function drive(cwd: string, db: string, args: string[], steps: [string, string[]][]) {
  const spec = { argv: [process.execPath, BIN, ...args], cwd, env: { UEP_DB: db, UEP_LANG: 'en', NO_COLOR: '1', TERM: 'xterm-256color', COLUMNS: '200' }, steps };
  const r = spawnSync('python3', ['-c', DRIVER, JSON.stringify(spec)], { encoding: 'utf8', timeout: 90_000 });
  const result = JSON.parse(r.stdout || `{"error": ${JSON.stringify(r.stderr)}}`) as { code?: number; stdout?: string; screen: string; error?: string };
  if (result.error) throw new Error(`${result.error}\n--- screen ---\n${result.screen}`);
  return result;
}

async function registered() {
  const dir = tempDir();
  const db = join(dir, 'uep.sqlite');
  await uep(['import', 'dtks', writeFile(dir, 'dtks.csv', ['NIK,NAMA LENGKAP,KABUPATEN/KOTA,DESIL NASIONAL,HUBUNGAN_KELUARGA,STATUS_PKH,TGL LAHIR',
    `${SITI},Siti Aminah,Kota Samarinda,2,kepala keluarga,1,05-07-1985`]), '--db', db, '--quiet']);
  await uep(['applicants', 'import', writeFile(dir, 'p.csv', ['nik,jenis_usaha,tanggal_daftar', `${SITI},gorengan,2026-01-10`]), '--tahun', '2026', '--db', db, '--quiet']);
  return { dir, db };
}

describe.skipIf(!hasPython)('uep assess in a pseudo-terminal (built binary)', () => {
  it('searches the applicant, asks everything, shows the ranking and the score, saves', async () => {
    const { dir, db } = await registered();
    const r = drive(dir, db, ['assess', '--json', '--assessor', 'Rahmawati'], [
      ['Applicant to assess', ['siti']],
      ['Siti Aminah · 6472********0001', [ENTER]],
      ['Is this the person in front of you?', [ENTER]],
      ['Assessment date', ['\x15', '2026-02-20', ENTER]],
      ['Penghasilan calon penerima', [ENTER]],
      ['Jumlah tanggungan', ['3', ENTER]],
      ['Ada anggota keluarga', [ENTER]],
      ['Minat dan motivasi', [DOWN, ENTER]],
      ['Usaha yang pernah', [DOWN, DOWN, ' ', ENTER]],
      ['Keterampilan yang dimiliki', [' ', ENTER]],
      ['Tempat yang tersedia', [' ', ENTER]],
      ['Peralatan usaha', [' ', ENTER]],
      ['Pasar atau pembeli', [DOWN, ENTER]],
      ['Dukungan keluarga', [ENTER]],
      ['Kondisi kesehatan', [ENTER]],
      ['Agreed business type', [ENTER]],
      ['Save this assessment', [ENTER]],
    ]);
    expect(r.code).toBe(0);
    expect(r.screen).toContain('Business types by fit for this person:');
    expect(r.screen).toContain('= 89.88');
    expect(JSON.parse(r.stdout!)).toMatchObject({ tahun: 2026, saved: [{ nik: '6472********0001', total: 89.88, eligible: true }] });
    const d = openDb(db);
    expect(d.prepare(`SELECT assessor, tanggal, jenis_usaha_disepakati, source FROM assessments`).all()).toEqual([
      { assessor: 'Rahmawati', tanggal: '2026-02-20', jenis_usaha_disepakati: 'gorengan', source: 'interview' },
    ]);
    d.close();
  });

  it('Ctrl-C in the middle of the questions: exit 130, one line, nothing saved', async () => {
    const { dir, db } = await registered();
    const r = drive(dir, db, ['assess', SITI, '--assessor', 'Rahmawati'], [
      ['Is this the person in front of you?', [ENTER]],
      ['Assessment date', [ENTER]],
      ['Penghasilan calon penerima', [ENTER]],
      ['Jumlah tanggungan', ['\x03']],
    ]);
    expect(r.code).toBe(130);
    expect(r.screen).toContain('uep: interview cancelled: nothing was saved');
    const d = openDb(db);
    expect(d.prepare(`SELECT count(*) FROM assessments`).pluck().get()).toBe(0);
    d.close();
  });
});
