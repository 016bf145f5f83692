import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The sample export of the old system's tables. */
export const OLD_EXPORT = fileURLToPath(new URL('./fixtures/old-export.json', import.meta.url));
/** When the sample was exported. */
export const EXPORTED_AT = '2026-03-01T18:00:00.000Z';

const TIME_COLUMNS = new Set(['exported_at', 'created_at', 'updated_at', 'held_until', 'executed_at', 'decided_at']);

export type ExportJson = Record<string, unknown> & Record<'projects' | 'artefacts' | 'escalations' | 'events' | 'agent_actions' | 'agent_checkpoints' | 'agent_config', Array<Record<string, unknown>>>;

export const readOldExport = async (): Promise<ExportJson> => JSON.parse(await readFile(OLD_EXPORT, 'utf8')) as ExportJson;

/**
 * The sample with every timestamp column moved so that it was exported at `exportedAt`.
 * DynamoDB Local applies TTL by the wall clock and may delete an item whose expiresAt is in the
 * real past at any moment, so tests that compare table contents import a copy moved to today.
 */
export const movedOldExport = async (exportedAt: string): Promise<ExportJson> => {
  const delta = Date.parse(exportedAt) - Date.parse(EXPORTED_AT);
  const move = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => move(v));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, move(v, k)]));
    if (key && TIME_COLUMNS.has(key) && typeof value === 'string') return new Date(Date.parse(value) + delta).toISOString();
    return value;
  };
  return move(await readOldExport()) as ExportJson;
};

export const writeExport = async (dir: string, name: string, data: unknown): Promise<string> => {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(data, null, 2), 'utf8');
  return file;
};
