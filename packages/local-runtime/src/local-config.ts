import { readFile } from 'node:fs/promises';
import { agentSettingsSchema, parseWith, ValidationError, type AgentSettings } from '@agentic-pm/domain';

/** Agent settings for a local run: embedded defaults, overridden by an optional JSON file. */
export const loadLocalSettings = async (file?: string): Promise<AgentSettings> => {
  if (!file) return agentSettingsSchema.parse({});
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ValidationError(file, [{ path: '$', message: `cannot read config: ${(error as Error).message}` }]);
  }
  return parseWith(agentSettingsSchema, json, file);
};
