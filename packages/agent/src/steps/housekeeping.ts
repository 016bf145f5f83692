import { ARTEFACT_TYPES } from '@agentic-pm/domain';
import {
  dayOf, getArtefact, getLedger, listActionsByStatus, listIntegrationConfigs, listPendingEscalations, listProjectEvents, listProjects, putConfigValue, recordEvent, totalCost,
} from '@agentic-pm/storage';
import type { AgentContext } from '../context';
import { renderEmail } from '../email-templates';
import { assertLeaseHeld, fenced } from '../fencing';
import { localDayAndHour } from '../housekeeping-schedule';
import { describeAction, sendMailOnce } from '../perform-action';
import type { StepInput } from '../run-ref';
import { HOUSEKEEPING_DAY_KEY } from './heartbeat';
import { integrationHealth } from '../integration-health';

const orNone = (lines: string[]): string[] => (lines.length > 0 ? lines : ['(none)']);

export interface HousekeepingResult {
  digests: number;
  unhealthyIntegrations: number;
}

/** Step 9, once a day: a digest to each owner, then the day is marked done. */
export const housekeeping = async (base: AgentContext, { run }: StepInput): Promise<HousekeepingResult> => {
  const ctx = fenced(base, run);
  await assertLeaseHeld(ctx.table, run);
  const { day } = localDayAndHour(run.time, ctx.settings.digestTimeZone);
  const spent = totalCost(await getLedger(ctx.table, dayOf(run.time), run.time));
  const escalations = await listPendingEscalations(ctx.table);
  const held = await listActionsByStatus(ctx.table, 'PENDING', run.time);
  const since = new Date(Date.parse(run.time) - 24 * 3600_000).toISOString();
  const health = integrationHealth(await listIntegrationConfigs(ctx.table), run.time);
  for (const h of health.filter((x) => !x.ok)) {
    await recordEvent(ctx.table, { id: `health-${h.name}-${day}`, projectId: null, runId: run.runId, type: 'integration_unhealthy', at: run.time, summary: h.line });
  }
  let digests = 0;
  for (const project of await listProjects(ctx.table)) {
    const all = await listProjectEvents(ctx.table, project.id, run.time, since);
    const events = all.filter((e) => e.type !== 'signal_created');
    const signals = all.length - events.length;
    const artefacts: string[] = [];
    for (const type of ARTEFACT_TYPES) {
      const a = await getArtefact(ctx.table, project.id, type);
      if (a) artefacts.push(`${type} v${a.version}: ${a.changeSummary}`);
    }
    const email = renderEmail(`[${project.name}] Daily digest ${day}`, `${signals} new signal(s) in the last 24 hours.`, [
      { heading: 'What happened', lines: orNone(events.slice(0, 30).reverse().map((e) => e.summary)) },
      { heading: 'Waiting for your decision', lines: orNone(escalations.filter((e) => e.projectId === project.id).map((e) => `${e.id}: ${e.title}`)) },
      { heading: 'Held actions', lines: orNone(held.filter((a) => a.projectId === project.id).map((a) => `${a.id}: ${describeAction(a.action)} after ${a.executeAfter}`)) },
      { heading: 'Artefacts', lines: orNone(artefacts) },
      { heading: 'Integrations', lines: health.map((h) => h.line) },
      { heading: 'LLM spend today', lines: [`$${spent.toFixed(4)} of $${ctx.settings.dailyBudgetUsd.toFixed(2)} budget`] },
    ]);
    const sent = await sendMailOnce(ctx, { projectId: project.id, runId: run.runId, now: run.time, to: [project.owner], kind: 'digest', key: `digest#${project.id}#${day}`, ...email });
    if (sent === 'sent') digests++;
  }
  await putConfigValue(ctx.table, HOUSEKEEPING_DAY_KEY, day, run.time);
  return { digests, unhealthyIntegrations: health.filter((h) => !h.ok).length };
};
