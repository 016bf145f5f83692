/**
 * A value quoted in an error message, cut to `max` characters: the message must name the bad
 * value without carrying all of it (a 400 KB field would make one log line of 400 KB).
 */
export const excerpt = (value: string, max = 60): string =>
  JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value) + (value.length > max ? ` (${value.length} characters)` : '');
