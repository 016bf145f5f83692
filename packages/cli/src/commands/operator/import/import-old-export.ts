import { readFile } from 'node:fs/promises';
import { toJsonPath, ValidationError } from '@agentic-pm/domain';
import { batchGet, batchPut, itemLimitProblems, keys, type Table, type TableItem } from '@agentic-pm/storage';
import { mapOldExport, type ImportPlan, type Issue, type PlannedWrite } from './map-old-export';
import { OLD_ROW_SCHEMAS, OLD_TABLES, oldExportOutline, type OldExport, type OldTable } from './old-export-schema';

export interface TableImportCounts {
  /** Rows in the export. */
  rows: number;
  /** Items written (an artefact row writes its current item and its history items). */
  written: number;
  /** Items already in the table and left as they are. */
  kept: number;
  /** Rows not imported (expired, reserved); the notes say why. */
  skipped: number;
}

export interface ImportReport {
  source: string;
  dryRun: boolean;
  tables: Record<OldTable, TableImportCounts>;
  itemsWritten: number;
  notes: string[];
}

/** A label for an issue's row: its id, when the row has one, to find it in the old database. */
const rowLabel = (raw: unknown, path: ReadonlyArray<PropertyKey>): string => {
  const [table, index] = path;
  if (typeof table !== 'string' || typeof index !== 'number') return '';
  const row = (raw as Record<string, unknown[]>)[table]?.[index] as Record<string, unknown> | undefined;
  const id = row?.id ?? row?.key;
  return typeof id === 'string' || typeof id === 'number' ? ` (row id ${JSON.stringify(id)})` : '';
};

/**
 * Reads, validates and maps an export without touching any table. A bad file throws one
 * ValidationError that lists every problem, each path naming the table, the row and the field
 * (`$.agent_actions[3].detail.issueKey`).
 */
export const planImport = async (file: string, now: string): Promise<ImportPlan> => {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `not valid JSON: ${error.message}` : `cannot read file: ${(error as Error).message}`;
    throw new ValidationError(file, [{ path: '$', message: reason }]);
  }
  const outline = oldExportOutline.safeParse(raw);
  if (!outline.success) {
    throw new ValidationError(file, outline.error.issues.map((issue) => ({ path: toJsonPath(issue.path), message: issue.message })));
  }
  // Row by row, so every bad row is reported at once; a bad row is left out of mapping as `undefined`.
  const issues: Issue[] = [];
  const rows = Object.fromEntries(
    OLD_TABLES.map((table) => [
      table,
      outline.data[table].map((row, index) => {
        const result = OLD_ROW_SCHEMAS[table].safeParse(row);
        if (result.success) return result.data;
        issues.push(...result.error.issues.map((issue) => ({ path: toJsonPath([table, index, ...issue.path]), message: issue.message })));
        return undefined;
      }),
    ]),
  ) as OldExport;
  const invalidProjectIds = new Set(
    outline.data.projects.flatMap((row, i) => {
      const id = (row as { id?: unknown } | null)?.id;
      return rows.projects[i] === undefined && (typeof id === 'string' || typeof id === 'number') ? [String(id)] : [];
    }),
  );
  const mapped = mapOldExport(rows, file, now, invalidProjectIds);
  issues.push(...mapped.issues);
  // DynamoDB refuses an oversized item or key with a bare error, and only when its batch is sent:
  // earlier batches would already be written. Checked here, a row is named and nothing is written.
  for (const write of mapped.plan.writes) {
    issues.push(...itemLimitProblems(write.item).map((message) => ({ path: toJsonPath([write.table, write.row]), message })));
  }
  if (issues.length > 0) throw new ValidationError(file, inFileOrder(withRowIds(issues, raw)));
  const plan = mapped.plan;
  const ignored = Object.keys(raw as object).filter((key) => key !== 'exported_at' && !(OLD_TABLES as readonly string[]).includes(key));
  for (const key of ignored) {
    plan.notes.push(
      key === 'integration_configs'
        ? 'integration_configs: not imported; credentials belong in Secrets Manager (set them with sst secret set)'
        : `${key}: not a table this import reads; ignored`,
    );
  }
  return plan;
};

const rowOf = (issue: Issue): { table: number; row: number } => {
  const match = /^\$\.(\w+)\[(\d+)\]/.exec(issue.path);
  return match ? { table: (OLD_TABLES as readonly string[]).indexOf(match[1]!), row: Number(match[2]) } : { table: -1, row: -1 };
};

const withRowIds = (issues: Issue[], raw: unknown): Issue[] =>
  issues.map((issue) => {
    const match = /^\$\.(\w+)\[(\d+)\]/.exec(issue.path);
    return match ? { ...issue, message: `${issue.message}${rowLabel(raw, [match[1]!, Number(match[2])])}` } : issue;
  });

/** Issues by table (in export order), then row; a row's own issues keep their order. */
const inFileOrder = (issues: Issue[]): Issue[] =>
  issues
    .map((issue, index) => ({ issue, index, ...rowOf(issue) }))
    .sort((a, b) => a.table - b.table || a.row - b.row || a.index - b.index)
    .map(({ issue }) => issue);

const keyOf = (item: { pk: unknown; sk: unknown }): string => `${String(item.pk)}\u0000${String(item.sk)}`;

/** The history item's key for the version a current artefact item holds. */
const historyKeyOf = (item: TableItem): { pk: string; sk: string } => {
  const { projectId, type, version } = item as TableItem & { projectId: string; type: string; version: number };
  return keys.artefactVersion(projectId, type, version);
};

/** JSON with sorted keys: two documents compare equal whatever order DynamoDB returns map keys in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

/**
 * An artefact already in the table is kept when it is the imported version (an earlier import) or
 * a later version grown from it (the loop has moved on). Anything else would overwrite or fork a
 * different document: a conflict, reported before anything is written.
 */
const artefactConflict = (write: PlannedWrite, existing: Map<string, TableItem>): string | undefined => {
  const current = existing.get(keyOf(write.item));
  if (!current) return undefined;
  const version = write.item.version as number;
  const same = (item: TableItem | undefined): boolean => item !== undefined && canonical(item.content) === canonical(write.item.content);
  if (current.version === version && same(current)) return undefined;
  if ((current.version as number) > version && same(existing.get(keyOf(historyKeyOf(write.item))))) return undefined;
  return `the table already holds ${String(write.item.type)} v${String(current.version)} for project ${String(write.item.projectId)}, which is not the imported v${version} or a later version of it; nothing was written (remove the artefact first to replace it)`;
};

/**
 * Writes a plan: items already in the table are kept (so a second import changes nothing, and
 * never resets state the new system has moved on, such as a held action it has run or a
 * checkpoint it has advanced); conflicting artefacts stop the import before any write. Projects
 * are written last, so the loop sees a project only once its data is in.
 */
export const applyImport = async (table: Table, plan: ImportPlan, options: { dryRun?: boolean } = {}): Promise<ImportReport> => {
  const historyKeys = plan.writes.filter((w) => w.kind === 'artefact').map((w) => historyKeyOf(w.item));
  const wanted = [...new Map([...plan.writes.map((w) => w.item), ...historyKeys].map((k) => [keyOf(k), { pk: k.pk, sk: k.sk }])).values()];
  const existing = new Map((await batchGet<TableItem>(table, wanted)).map((item) => [keyOf(item), item]));

  const conflicts = plan.writes
    .filter((w) => w.kind === 'artefact')
    .flatMap((w) => {
      const message = artefactConflict(w, existing);
      return message ? [{ path: `${toJsonPath(['artefacts', w.row])}`, message }] : [];
    });
  if (conflicts.length > 0) throw new ValidationError(plan.source, conflicts);

  const tables = Object.fromEntries(
    OLD_TABLES.map((t) => [t, { rows: plan.rows[t], written: 0, kept: 0, skipped: plan.skipped[t] }]),
  ) as Record<OldTable, TableImportCounts>;
  const order: Record<PlannedWrite['kind'], number> = { item: 0, 'artefact-version': 1, artefact: 2, project: 3 };
  const toWrite = plan.writes
    .filter((w) => {
      const present = existing.has(keyOf(w.item));
      tables[w.table][present ? 'kept' : 'written']++;
      return !present;
    })
    .sort((a, b) => order[a.kind] - order[b.kind]);
  if (!options.dryRun) await batchPut(table, toWrite.map((w) => w.item));
  return { source: plan.source, dryRun: options.dryRun ?? false, tables, itemsWritten: toWrite.length, notes: plan.notes };
};

/** Validates the whole export, then writes it: nothing is written when anything is wrong. */
export const importOldExport = async (table: Table, file: string, options: { now: string; dryRun?: boolean }): Promise<ImportReport> =>
  applyImport(table, await planImport(file, options.now), options);

/** The report as lines for the terminal. */
export const formatImportReport = (report: ImportReport, target: string): string[] => {
  const head = report.dryRun ? `Dry run: would import ${report.source} into ${target}` : `Imported ${report.source} into ${target}`;
  const pad = (text: string | number, width: number): string => String(text).padStart(width);
  const lines = [head, `  ${'table'.padEnd(18)}${pad('rows', 6)}${pad(report.dryRun ? 'to write' : 'written', 10)}${pad('kept', 6)}${pad('skipped', 9)}`];
  for (const [name, c] of Object.entries(report.tables)) {
    lines.push(`  ${name.padEnd(18)}${pad(c.rows, 6)}${pad(c.written, 10)}${pad(c.kept, 6)}${pad(c.skipped, 9)}`);
  }
  lines.push(`  ${report.itemsWritten} item(s) ${report.dryRun ? 'to write' : 'written'}; items already in the table are kept as they are.`);
  if (report.notes.length > 0) lines.push('  Notes:', ...report.notes.map((n) => `  - ${n}`));
  return lines;
};
