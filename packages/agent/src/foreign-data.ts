import { ARTEFACT_TYPES, buildForeignDataIndex, renderArtefactCompact, type ForeignDataIndex, type ForeignProjectData, type ProjectConfig } from '@agentic-pm/domain';
import { getArtefact, listJiraIssues, type Table } from '@agentic-pm/storage';

/** The text the agent holds for one project: its name, its issues' summaries and its artefacts. */
const projectData = async (table: Table, project: ProjectConfig): Promise<ForeignProjectData> => {
  const texts = [project.name];
  for (const issue of await listJiraIssues(table, project.id)) texts.push(`${issue.key} ${issue.summary}`);
  for (const type of ARTEFACT_TYPES) {
    const artefact = await getArtefact(table, project.id, type);
    if (artefact) texts.push(renderArtefactCompact(artefact));
  }
  return { projectId: project.id, jiraProjectKey: project.jiraProjectKey, texts };
};

/** Per project, the fingerprints of every other project's data, for the gate's leak check. */
export const foreignDataIndexes = async (table: Table, projects: readonly ProjectConfig[]): Promise<Map<string, ForeignDataIndex>> => {
  const data = await Promise.all(projects.map((p) => projectData(table, p)));
  return new Map(
    projects.map((p, i) => [p.id, buildForeignDataIndex(data.filter((_, j) => j !== i), data[i]?.texts ?? [], p.jiraProjectKey)]),
  );
};
