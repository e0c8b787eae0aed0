/**
 * Drives the built binary in a real pseudo-terminal (python3's pty module), key by key the way an
 * officer types. Needs `npm run build` first (as every uepBin test does).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BIN, nik, tempDir, uep, writeFile } from '../helpers.js';

export const SITI = nik('6472', 5, 7, 85, 1, true);
/** Siti's family card (synthetic): shown masked, 6472********0021. */
export const SITI_KK = '6472011203150021';

export const hasPython = spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' }).status === 0;

/** Runs argv in a pty; steps: [text to wait for (after the previous step), keys to send]. */
const DRIVER = String.raw`
import json, os, pty, re, select, subprocess, sys, time
spec = json.loads(sys.argv[1])
master, slave = pty.openpty()
import fcntl, struct, termios
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', 50, 200, 0, 0))
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
print(json.dumps({'code': code, 'stdout': out, 'screen': screen}))
`;

export const ENTER = '\r';
export const DOWN = '\x1b[B';
export const UP = '\x1b[A';

export function drive(cwd: string, db: string, args: string[], steps: [string, string[]][], lang: 'id' | 'en' = 'en') {
  const spec = { argv: [process.execPath, BIN, ...args], cwd, env: { UEP_DB: db, NO_COLOR: '1', TERM: 'xterm-256color', COLUMNS: '200', UEP_LANG: lang }, steps };
  const r = spawnSync('python3', ['-c', DRIVER, JSON.stringify(spec)], { encoding: 'utf8', timeout: 90_000 });
  const result = JSON.parse(r.stdout || `{"error": ${JSON.stringify(r.stderr)}}`) as { code?: number; stdout?: string; screen: string; error?: string };
  if (result.error) throw new Error(`${result.error}\n--- screen ---\n${result.screen}`);
  return result;
}

/** A database with Siti (DTKS, Samarinda, desa Air Hitam, with her KK) registered for 2026 with gorengan. */
export async function registered() {
  const dir = tempDir();
  const db = join(dir, 'uep.sqlite');
  await uep(['import', 'dtks', writeFile(dir, 'dtks.csv', ['NIK,NO KK,NAMA LENGKAP,KABUPATEN/KOTA,KECAMATAN,DESA/KELURAHAN,DESIL NASIONAL,HUBUNGAN_KELUARGA,STATUS_PKH,TGL LAHIR',
    `${SITI},${SITI_KK},Siti Aminah,Kota Samarinda,Samarinda Ulu,Air Hitam,2,kepala keluarga,1,05-07-1985`]), '--db', db, '--quiet']);
  await uep(['applicants', 'import', writeFile(dir, 'p.csv', ['nik,jenis_usaha,tanggal_daftar', `${SITI},gorengan,2026-01-10`]), '--tahun', '2026', '--db', db, '--quiet']);
  return { dir, db };
}
