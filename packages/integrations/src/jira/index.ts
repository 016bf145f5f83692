export type * from './types';
export { createJiraClient } from './jira-client';
export { AGENT_MARKER_PREFIX, AGENT_COMMENT_PROPERTY_KEY, agentMarkerLine, isAgentMarked, markerOf } from './agent-marker';
export { adfToText, textToAdf, type AdfDocument, type AdfNode } from './adf';
export { parseJiraTimestamp, jiraTimestampToIso } from './jira-time';
export { pollJql, POLL_FIELDS } from './jira-search';
