import { vi } from 'vitest';

/** Every line Powertools writes to stdout and stderr while `capture` is on, parsed as JSON when it is. */
export interface LogCapture {
  lines: string[];
  stop(): void;
}

/** Powertools Logger prints through a Console bound to process.stdout/stderr: catch the writes there. */
export const captureProcessOutput = (): LogCapture => {
  const lines: string[] = [];
  const record = (chunk: unknown): void => {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
    lines.push(...text.split('\n').filter((line) => line.trim() !== ''));
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (record(chunk), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (record(chunk), true));
  return {
    lines,
    stop: () => {
      out.mockRestore();
      err.mockRestore();
    },
  };
};
