import type { IntegrationConfig } from '@agentic-pm/storage';

/** A poll that has not completed for this long means the integration needs a look. */
export const STALE_AFTER_MINUTES = 60;
const WATCHED = ['jira', 'outlook'] as const;

/** One line per watched integration: healthy, or why not. */
export const integrationHealth = (configs: IntegrationConfig[], now: string): Array<{ name: string; ok: boolean; line: string }> =>
  WATCHED.map((name) => {
    const check = configs.find((c) => c.name === name)?.lastHealthCheck;
    if (!check) return { name, ok: false, line: `${name}: never polled successfully` };
    const minutes = Math.round((Date.parse(now) - Date.parse(check.at)) / 60_000);
    return minutes > STALE_AFTER_MINUTES
      ? { name, ok: false, line: `${name}: last successful poll ${minutes} minutes ago (${check.at})` }
      : { name, ok: true, line: `${name}: healthy, polled ${check.at}` };
  });
