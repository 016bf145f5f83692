/**
 * Turns the workflow definition (statemachine/agent-loop.asl.json, with `${Name}` placeholders)
 * into the deployable one. Pure: infra resolves the function ARNs first and calls this once.
 *
 * Strict on purpose: a placeholder without a value, or a value no placeholder uses, fails the
 * deploy, so the definition and the set of deployed functions cannot drift apart silently.
 */

/** `${Name}`; JSONPath (`$.x`, `$$.Execution`) never has braces, so it cannot match. */
const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export class AslSubstitutionError extends Error {
  override readonly name = 'AslSubstitutionError';
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const mapStrings = (value: Json, fn: (text: string) => string): Json => {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, fn));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, fn)]));
  }
  return value;
};

const parse = (definition: string): Json => {
  try {
    return JSON.parse(definition) as Json;
  } catch (error) {
    throw new AslSubstitutionError(`The workflow definition is not valid JSON: ${(error as Error).message}`);
  }
};

/** Placeholder names used anywhere in the definition's string values, sorted, without duplicates. */
export const findPlaceholders = (definition: string): string[] => {
  const names = new Set<string>();
  mapStrings(parse(definition), (text) => {
    for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1]!);
    return text;
  });
  return [...names].sort();
};

/**
 * Replaces every `${Name}` with `values[Name]` and returns the definition as JSON text.
 * Throws (listing every problem) when a placeholder has no value, a value is unused or empty,
 * or a value would itself look like a placeholder.
 */
export const substitutePlaceholders = (definition: string, values: Readonly<Record<string, string>>): string => {
  const used = findPlaceholders(definition);
  const problems: string[] = [];
  for (const name of used) {
    if (!(name in values)) problems.push(`placeholder \${${name}} has no value`);
  }
  for (const [name, value] of Object.entries(values)) {
    if (!used.includes(name)) problems.push(`value ${name} is not used by any placeholder`);
    if (value.trim() === '') problems.push(`value ${name} is empty`);
    if (value.includes('${')) problems.push(`value ${name} contains "\${"`);
  }
  if (problems.length > 0) {
    throw new AslSubstitutionError(`Cannot build the state machine definition:\n  - ${problems.join('\n  - ')}`);
  }
  const result = mapStrings(parse(definition), (text) => text.replace(PLACEHOLDER, (_, name: string) => values[name]!));
  return JSON.stringify(result, null, 2);
};

/** Every Task state's `Resource`, including states nested in Parallel branches and Map processors. */
export const taskResources = (definition: string): Array<{ state: string; resource: string }> => {
  const found: Array<{ state: string; resource: string }> = [];
  const visit = (machine: Json): void => {
    if (machine === null || typeof machine !== 'object' || Array.isArray(machine)) return;
    const states = machine['States'];
    if (states === null || typeof states !== 'object' || Array.isArray(states)) return;
    for (const [name, state] of Object.entries(states)) {
      if (state === null || typeof state !== 'object' || Array.isArray(state)) continue;
      if (state['Type'] === 'Task' && typeof state['Resource'] === 'string') {
        found.push({ state: name, resource: state['Resource'] });
      }
      const branches = state['Branches'];
      if (Array.isArray(branches)) branches.forEach(visit);
      if (state['ItemProcessor']) visit(state['ItemProcessor']);
      if (state['Iterator']) visit(state['Iterator']);
    }
  };
  visit(parse(definition));
  return found;
};
