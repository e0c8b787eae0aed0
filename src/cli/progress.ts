import cliProgress from 'cli-progress';
import type { CliContext } from './context.js';

export interface Progress {
  update(done: number, total: number, rows: number): void;
  stop(): void;
}

const NONE: Progress = { update() {}, stop() {} };

/**
 * A bytes-read progress bar with rows/s, on stderr, only on a terminal and never with --quiet/--json.
 * `format`: cli-progress's format in the reader's words ({bar}, {percentage}, {rows}, {rate}, {eta_formatted}).
 */
export function progressBar(ctx: CliContext, format: string): Progress {
  if (!ctx.io.stderr.isTTY || ctx.opts.quiet || ctx.io.env.CI) return NONE;
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      stream: ctx.io.stderr as NodeJS.WritableStream,
      format,
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let started_ = false;
  return {
    update(done, total, rows) {
      if (!started_) {
        bar.start(total, 0, { rows: 0, rate: 0 });
        started_ = true;
      }
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar.update(done, { rows, rate: Math.round(rows / seconds) });
    },
    stop() {
      if (started_) bar.stop();
    },
  };
}
