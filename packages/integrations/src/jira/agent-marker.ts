/**
 * The agent marks every comment it writes, so a later poll can tell its own comments from people's
 * (and not react to itself), and so a retried write can find the comment it already made.
 * The marker travels twice: as a comment property (not shown to people, not returned by search)
 * and as a trailing text line (returned by search, so changes can be classified without extra calls).
 */

export const AGENT_MARKER_PREFIX = '[agentic-pm:';
export const AGENT_COMMENT_PROPERTY_KEY = 'agentic-pm';

// Any id without whitespace or brackets fits on one line and cannot end the marker early.
const MARKER_SHAPE = /^[^\s[\]]{1,200}$/;
const MARKER_LINE = /^\[agentic-pm:([^\s[\]]{1,200})\]$/;

export const assertValidMarker = (marker: string): void => {
  if (!MARKER_SHAPE.test(marker)) {
    throw new RangeError(`agent marker "${marker}" must be 1-200 characters without whitespace or brackets`);
  }
};

export const agentMarkerLine = (marker: string): string => `${AGENT_MARKER_PREFIX}${marker}]`;

/** The marker on the last non-empty line, or null. Only the last line counts, so quoting an agent comment does not mark a person's. */
export const markerOf = (text: string): string | null => {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const last = lines.at(-1);
  return last === undefined ? null : (MARKER_LINE.exec(last)?.[1] ?? null);
};

export const isAgentMarked = (text: string): boolean => markerOf(text) !== null;
