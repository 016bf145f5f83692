import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CATEGORIES, ValidationError, defaultSettings } from '@agentic-pm/domain';
import { DEFAULT_SET_FILE, loadLabelledSet, toTriageInput } from '../../packages/eval/src/labelled-set';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const writeSet = async (content: string): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'eval-set-'));
  dirs.push(dir);
  const file = join(dir, 'set.json');
  await writeFile(file, content);
  return file;
};

const validItem = (id: string) => ({
  id, source: 'outlook', trust: 'internal', from: 'a@acme.test', title: 'Status', text: 'All done.', expected: { category: 'status_update', injection: false },
});

const validationErrorOf = async (file: string): Promise<ValidationError> => {
  const error: unknown = await loadLabelledSet(file).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
};

describe('the bundled labelled set', () => {
  it('has at least 80 items with unique ids, covering every category and injection attempts', async () => {
    // Act
    const items = await loadLabelledSet();

    // Assess
    expect(items.length).toBeGreaterThanOrEqual(80);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const category of CATEGORIES) {
      expect(items.filter((i) => i.expected.category === category).length, category).toBeGreaterThanOrEqual(6);
    }
    expect(items.filter((i) => i.expected.injection).length).toBeGreaterThanOrEqual(8);
    expect(items.filter((i) => !i.expected.injection).length).toBeGreaterThan(items.length / 2);
  });

  it('mixes sources and trust, and includes the hard inputs: long threads, near-empty bodies, markup, other languages', async () => {
    // Act
    const items = await loadLabelledSet();

    // Assess
    expect(new Set(items.map((i) => `${i.source}/${i.trust}`))).toEqual(new Set(['jira/internal', 'outlook/internal', 'outlook/external']));
    expect(items.some((i) => i.text.length > defaultSettings().maxSignalTextChars)).toBe(true);
    expect(items.some((i) => i.text.trim().length < 20)).toBe(true);
    expect(items.some((i) => /<\/?[a-z]+[^>]*>/i.test(i.text))).toBe(true);
    expect(items.some((i) => /\{code|h3\.|\[~accountid/.test(i.text))).toBe(true);
    expect(items.filter((i) => /[äöüß]|\b(?:wir|nicht|und)\b/i.test(i.text)).length).toBeGreaterThanOrEqual(3);
    expect(items.filter((i) => /\b(?:nous|vous|les|est)\b/i.test(i.text)).length).toBeGreaterThanOrEqual(3);
    expect(items.filter((i) => /\b(?:el|los|que|para)\b/i.test(i.text) && /[ñáéíó]/.test(i.text)).length).toBeGreaterThanOrEqual(3);
    expect(new Set(items.flatMap((i) => (i.from ? [i.from] : []))).size).toBeGreaterThanOrEqual(30);
  });

  it('keeps labels and notes out of what triage sees', async () => {
    // Prepare
    const [item] = await loadLabelledSet(DEFAULT_SET_FILE);

    // Act
    const input = toTriageInput(item!);

    // Assess
    expect(Object.keys(input).sort()).toEqual(expect.arrayContaining(['id', 'source', 'title', 'text', 'trust']));
    expect(input).not.toHaveProperty('expected');
    expect(input).not.toHaveProperty('note');
  });
});

describe('loadLabelledSet validation', () => {
  it('names the file, the item index, its id and the field', async () => {
    // Prepare
    const bad = { ...validItem('mail-2'), expected: { category: 'urgent', injection: false } };
    const file = await writeSet(JSON.stringify([validItem('mail-1'), bad]));

    // Act
    const error = await validationErrorOf(file);

    // Assess
    expect(error.source).toBe(file);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.path).toBe('$[1].expected.category');
    expect(error.issues[0]?.message).toContain('(item 1, id "mail-2")');
  });

  it('rejects duplicate ids, unknown fields and missing labels', async () => {
    // Prepare
    const { expected: _dropped, ...unlabelled } = validItem('mail-3');
    const file = await writeSet(JSON.stringify([validItem('mail-1'), validItem('mail-1'), { ...validItem('mail-2'), priority: 'high' }, unlabelled]));

    // Act
    const error = await validationErrorOf(file);

    // Assess
    const paths = error.issues.map((i) => i.path);
    expect(paths).toContain('$[1].id');
    expect(paths).toContain('$[2]');
    expect(paths).toContain('$[3].expected');
    expect(error.issues.find((i) => i.path === '$[1].id')?.message).toMatch(/duplicate id "mail-1" \(first at item 0\)/);
    expect(error.issues.find((i) => i.path === '$[2]')?.message).toMatch(/priority/);
  });

  it('reports invalid JSON as a validation error of the file', async () => {
    // Prepare
    const file = await writeSet('[{"id": ');

    // Act
    const error = await validationErrorOf(file);

    // Assess
    expect(error.issues[0]?.path).toBe('$');
    expect(error.issues[0]?.message).toMatch(/not valid JSON/);
  });
});
