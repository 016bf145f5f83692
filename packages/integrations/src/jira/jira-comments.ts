import { IntegrationError } from '@agentic-pm/domain';
import { adfToText, textToAdf } from './adf';
import { AGENT_COMMENT_PROPERTY_KEY, agentMarkerLine, assertValidMarker, markerOf } from './agent-marker';
import { issuePath, type JiraHttp } from './jira-http';
import { commentPageSchema, createdCommentSchema, type WireComment } from './jira-wire';

const PAGE_SIZE = 100;

const carriesMarker = (comment: WireComment, marker: string): boolean => {
  const property = comment.properties?.find((p) => p.key === AGENT_COMMENT_PROPERTY_KEY);
  const value = property?.value;
  if (typeof value === 'object' && value !== null && (value as { marker?: unknown }).marker === marker) return true;
  return markerOf(adfToText(comment.body)) === marker;
};

/** The comment carrying `marker`, newest first since a retried write is usually recent. */
const findMarkedComment = async (http: JiraHttp, issueKey: string, marker: string): Promise<WireComment | undefined> => {
  for (let startAt = 0; ; ) {
    const page = await http.read(commentPageSchema, 'GET', issuePath(issueKey, '/comment'), {
      query: { orderBy: '-created', expand: 'properties', startAt, maxResults: PAGE_SIZE },
    });
    const found = page.comments.find((c) => carriesMarker(c, marker));
    if (found) return found;
    startAt += page.comments.length;
    if (page.comments.length === 0 || startAt >= (page.total ?? 0)) return undefined;
  }
};

/** Idempotent by marker: a second call with the same marker finds the first comment instead of posting again. */
export const addComment = async (
  http: JiraHttp,
  issueKey: string,
  body: string,
  marker: string,
): Promise<{ commentId: string; alreadyPresent: boolean }> => {
  assertValidMarker(marker);
  if (body.trim() === '') throw new IntegrationError(`comment on ${issueKey} has an empty body`);
  const existing = await findMarkedComment(http, issueKey, marker);
  if (existing) return { commentId: existing.id, alreadyPresent: true };

  const created = await http.read(createdCommentSchema, 'POST', issuePath(issueKey, '/comment'), {
    body: {
      body: textToAdf(`${body.trimEnd()}\n\n${agentMarkerLine(marker)}`),
      properties: [{ key: AGENT_COMMENT_PROPERTY_KEY, value: { marker } }],
    },
  });
  return { commentId: created.id, alreadyPresent: false };
};
