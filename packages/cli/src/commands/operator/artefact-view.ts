import { ARTEFACT_TYPES, renderArtefactMarkdown, ValidationError, type Artefact, type ArtefactType, type ProjectConfig } from '@agentic-pm/domain';
import { getArtefact, getArtefactVersion, getProject, listArtefactHistory, listProjects, type Table } from '@agentic-pm/storage';
import { diffLines, formatDiff } from './line-diff';

export interface ArtefactViewOptions {
  projectId: string;
  type: string;
  /** A version from the history; the current one when absent. */
  version?: number;
  /** Show what changed from the version before (as a line diff of the Markdown). */
  diff?: boolean;
}

const fail = (path: string, message: string): never => {
  throw new ValidationError('artefacts', [{ path, message }]);
};

/** A known project, or a clear error naming the ones there are. */
export const requireProject = async (table: Table, projectId: string, command: string): Promise<ProjectConfig> => {
  const project = await getProject(table, projectId);
  if (project) return project;
  const known = (await listProjects(table)).map((p) => p.id).sort();
  throw new ValidationError(command, [
    { path: 'PROJECT', message: `unknown project "${projectId}"${known.length > 0 ? ` (projects: ${known.join(', ')})` : ' (the table has no projects)'}` },
  ]);
};

const isArtefactType = (type: string): type is ArtefactType => (ARTEFACT_TYPES as readonly string[]).includes(type);

const versionList = (history: Artefact[]): string => (history.length > 0 ? history.map((a) => a.version).join(', ') : 'none');

/**
 * The artefact as Markdown (current, or version N from history), or with `diff` the line diff of
 * the Markdown from the version before to this one. Unknown project, type or version: a
 * ValidationError (exit code 2).
 */
export const showArtefact = async (table: Table, options: ArtefactViewOptions): Promise<string> => {
  const { projectId, type, version } = options;
  if (!isArtefactType(type)) return fail('TYPE', `unknown artefact type "${type}" (types: ${ARTEFACT_TYPES.join(', ')})`);
  await requireProject(table, projectId, 'artefacts');
  const current = await getArtefact(table, projectId, type);
  if (!current) return fail('TYPE', `project "${projectId}" has no ${type} yet`);

  let shown: Artefact = current;
  if (version !== undefined && version !== current.version) {
    const found = await getArtefactVersion(table, projectId, type, version);
    if (!found) {
      return fail('--version', `${type} of "${projectId}" has no version ${version} (current v${current.version}; in history: ${versionList(await listArtefactHistory(table, projectId, type))})`);
    }
    shown = found;
  }
  if (!options.diff) return renderArtefactMarkdown(shown);

  const before = await previousOf(table, shown, current);
  const from = before ? renderArtefactMarkdown(before).split('\n') : [];
  const to = renderArtefactMarkdown(shown).split('\n');
  return formatDiff(diffLines(from, to), { from: before ? `${type} v${before.version}` : `${type} (none before v${shown.version})`, to: `${type} v${shown.version}` }).join('\n');
};

/** The version before `artefact`: from history, or for the current one its `previousVersion`; none for v1. */
const previousOf = async (table: Table, artefact: Artefact, current: Artefact & { previousVersion?: unknown }): Promise<Artefact | undefined> => {
  if (artefact.version <= 1) return undefined;
  const fromHistory = await getArtefactVersion(table, artefact.projectId, artefact.type, artefact.version - 1);
  if (fromHistory) return fromHistory;
  if (artefact.version === current.version && current.previousVersion) {
    return { ...current, version: current.version - 1, content: current.previousVersion, changeSummary: '(previous version)' } as Artefact;
  }
  return fail(
    '--version',
    `v${artefact.version - 1} of ${artefact.type} for "${artefact.projectId}" is not in the history, so there is nothing to diff against (in history: ${versionList(await listArtefactHistory(table, artefact.projectId, artefact.type))})`,
  );
};
