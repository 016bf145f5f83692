import type { Command } from 'commander';

/** Registers the escalations, decide, hold and outbox commands. */
export const registerDecisionCommands = (program: Command): Command => program;
