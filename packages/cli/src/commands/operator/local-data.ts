import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod';
import { ValidationError } from '@agentic-pm/domain';
import { withLocalTable } from '@agentic-pm/local-runtime';
import type { Table } from '@agentic-pm/storage';

/** The same default as `run`, so the views read what a plain `npm start -- run` wrote. */
export const DEFAULT_DATA_DIR = '.data/default';

/**
 * Starts DynamoDB Local on `<dataDir>/dynamodb`, hands over the table and stops it after. A view
 * refuses a directory with no local data (a mistyped --data-dir would otherwise show an empty,
 * newly created table); the import creates it.
 */
export const withDataDir = async <T>(dataDir: string, work: (table: Table) => Promise<T>, options: { create?: boolean } = {}): Promise<T> => {
  const dir = resolve(dataDir);
  if (!options.create && !existsSync(join(dir, 'dynamodb'))) {
    throw new ValidationError('--data-dir', [
      { path: dir, message: 'no local data here; run `npm start -- run --data-dir DIR` or `npm start -- import --from FILE --data-dir DIR` first' },
    ]);
  }
  return withLocalTable(dir, work);
};

const isoSchema = z.iso.datetime({ offset: true });

/** Parses an ISO 8601 option (`--since`, `--at`), or says which option is wrong. */
export const isoOption = (value: string, option: string, command: string): string => {
  if (!isoSchema.safeParse(value).success) {
    throw new ValidationError(command, [{ path: option, message: `"${value}" is not an ISO 8601 date-time such as 2026-03-02T08:00:00Z` }]);
  }
  return new Date(value).toISOString();
};

/** `3d 4h`, `12m`, `40s`: a rough duration for people. */
export const roughDuration = (ms: number): string => {
  const s = Math.round(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return h > 0 ? `${d}d ${h}h` : `${d}d`;
  if (h > 0) return m > 0 ? `${h}h ${m}m` : `${h}h`;
  if (m > 0) return `${m}m`;
  return `${s}s`;
};

/** `2026-03-02 08:00:00Z`: compact UTC time. */
export const shortTime = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 19)}Z`;
