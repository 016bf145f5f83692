import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { CATEGORIES, ValidationError, toJsonPath } from '@agentic-pm/domain';
import type { TriageInput } from '@agentic-pm/llm';

/** The bundled set: realistic PM mail and Jira changes, labelled by what a human PM would say. */
export const DEFAULT_SET_FILE = fileURLToPath(new URL('../data/labelled-signals.json', import.meta.url));

const ISSUE_KEY = /^[A-Z][A-Z0-9]{1,9}-\d{1,9}$/;

export const labelledSignalSchema = z.strictObject({
  id: z.string().min(1),
  source: z.enum(['jira', 'outlook']),
  trust: z.enum(['internal', 'external']),
  title: z.string(),
  /** May be empty: calendar replies and bare forwards have no body. */
  text: z.string(),
  issueKey: z.string().regex(ISSUE_KEY, 'must be a Jira issue key such as ATL-12').optional(),
  from: z.string().min(1).optional(),
  expected: z.strictObject({
    category: z.enum(CATEGORIES),
    /** True when the text tries to steer, extract from or give orders to an automated reader. */
    injection: z.boolean(),
  }),
  /** Why the label is what it is, for the cases a reviewer might question. Never sent to the model. */
  note: z.string().optional(),
});
export type LabelledSignal = z.infer<typeof labelledSignalSchema>;

export const labelledSetSchema = z.array(labelledSignalSchema).min(1, 'the set has no signals');

/**
 * Duplicate ids, checked on the raw items so they are reported together with any field errors
 * (zod skips array-level refinements while an item is invalid).
 */
const duplicateIdIssues = (raw: unknown): Array<{ path: Array<string | number>; message: string }> => {
  if (!Array.isArray(raw)) return [];
  const first = new Map<string, number>();
  return raw.flatMap((item: unknown, i) => {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return [];
    const seen = first.get(id);
    if (seen === undefined) {
      first.set(id, i);
      return [];
    }
    return [{ path: [i, 'id'], message: `duplicate id "${id}" (first at item ${seen})` }];
  });
};

/** `item 3 ("mail-x")` for an issue inside item 3, so the message names the item by index and id. */
const itemOf = (raw: unknown, path: ReadonlyArray<PropertyKey>): string => {
  const [index] = path;
  if (typeof index !== 'number') return '';
  const id = Array.isArray(raw) ? (raw[index] as { id?: unknown } | undefined)?.id : undefined;
  return typeof id === 'string' ? ` (item ${index}, id "${id}")` : ` (item ${index})`;
};

/** Validates a parsed set; a ValidationError names the source, each item index, its id and the field. */
export const parseLabelledSet = (raw: unknown, source: string): LabelledSignal[] => {
  const result = labelledSetSchema.safeParse(raw);
  const issues = [...(result.success ? [] : result.error.issues), ...duplicateIdIssues(raw)];
  if (result.success && issues.length === 0) return result.data;
  const itemIndex = (path: ReadonlyArray<PropertyKey>): number => (typeof path[0] === 'number' ? path[0] : -1);
  throw new ValidationError(
    source,
    issues
      .sort((a, b) => itemIndex(a.path) - itemIndex(b.path))
      .map((issue) => ({ path: toJsonPath(issue.path), message: `${issue.message}${itemOf(raw, issue.path)}` })),
  );
};

export const loadLabelledSet = async (file: string = DEFAULT_SET_FILE): Promise<LabelledSignal[]> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the labelled set ${file}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch (error) {
    throw new ValidationError(file, [{ path: '$', message: `not valid JSON: ${(error as Error).message}` }]);
  }
  return parseLabelledSet(raw, file);
};

/** What triage sees of a labelled item: the labels and the note stay behind. */
export const toTriageInput = (item: LabelledSignal): TriageInput => ({
  id: item.id,
  source: item.source,
  trust: item.trust,
  title: item.title,
  text: item.text,
  ...(item.issueKey === undefined ? {} : { issueKey: item.issueKey }),
  ...(item.from === undefined ? {} : { from: item.from }),
});
