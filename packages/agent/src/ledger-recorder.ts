import { costOf, type LlmUsage } from '@agentic-pm/llm';
import { addToLedger, dayOf, getLedger, totalCost } from '@agentic-pm/storage';
import type { AgentContext } from './context';

/** Collects usage during a model-calling step and writes it to today's ledger. */
export const usageRecorder = (ctx: AgentContext, nowIso: string) => {
  const usages: LlmUsage[] = [];
  let flushed = 0;
  return {
    /** Calls flushed so far. */
    get calls(): number {
      return flushed;
    },
    onUsage: (usage: LlmUsage): void => {
      usages.push(usage);
    },
    async flush(): Promise<{ calls: number; costUsd: number }> {
      let costUsd = 0;
      for (const usage of usages) {
        const cost = costOf(usage, ctx.settings.prices);
        costUsd += cost;
        await addToLedger(ctx.table, nowIso, { ...usage, costUsd: cost });
      }
      const calls = usages.length;
      flushed += calls;
      usages.length = 0;
      ctx.metrics.usd('LLMCostDaily', await spentToday(ctx, nowIso));
      return { calls, costUsd };
    },
  };
};

export const spentToday = async (ctx: AgentContext, nowIso: string): Promise<number> => totalCost(await getLedger(ctx.table, dayOf(nowIso), nowIso));

/** Degradation ladder: at the budget Sonnet is off; at 1.5x the budget Haiku is off too. */
export const budgetMode = async (ctx: AgentContext, nowIso: string): Promise<'full' | 'no_reasoning' | 'rules_only'> => {
  const spent = await spentToday(ctx, nowIso);
  if (spent >= ctx.settings.dailyBudgetUsd * 1.5) return 'rules_only';
  if (spent >= ctx.settings.dailyBudgetUsd) return 'no_reasoning';
  return 'full';
};
