// A progress line on stderr for inputs that take more than a moment: only on a terminal, never in
// CI logs or pipes, and erased when done so the report starts on a clean line.

export interface Progress {
  tick(records: number): void;
  done(): void;
}

const NOOP: Progress = { tick: () => undefined, done: () => undefined };

export function progress(label: string, stream: NodeJS.WriteStream = process.stderr, delayMs = 400): Progress {
  if (!stream.isTTY) return NOOP;
  const start = Date.now();
  let last = 0;
  let shown = false;
  return {
    tick(records) {
      const now = Date.now();
      if (now - start < delayMs || now - last < 100) return;
      last = now;
      shown = true;
      const rate = Math.round((records * 1000) / Math.max(1, now - start));
      stream.write(`\r\u001b[2K${label}: ${records.toLocaleString('en-US')} records (${rate.toLocaleString('en-US')}/s)`);
    },
    done() {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
