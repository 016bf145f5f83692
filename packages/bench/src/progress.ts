/**
 * One progress line on stderr for the long parts, so stdout stays the report (whose last line
 * is the JSON summary). On a terminal the line is rewritten in place; otherwise only every
 * `every`-th update and the last are printed, to keep logs short.
 */
export interface Progress {
  update(done: number, total: number, detail?: string): void;
  finish(summary: string): void;
}

export const progressLine = (label: string, stream: NodeJS.WriteStream = process.stderr, every = 12): Progress => {
  const tty = stream.isTTY === true;
  let last = '';
  return {
    update(done, total, detail) {
      last = `  ${label} ${done}/${total}${detail === undefined ? '' : ` · ${detail}`}`;
      if (tty) stream.write(`\r\x1b[2K${last}`);
      else if (done % every === 0 || done === total) stream.write(`${last}\n`);
    },
    finish(summary) {
      if (tty) stream.write(`\r\x1b[2K  ${label}: ${summary}\n`);
      else stream.write(`  ${label}: ${summary}\n`);
    },
  };
};

export const silentProgress: Progress = { update: () => undefined, finish: () => undefined };
