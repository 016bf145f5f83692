/**
 * JSON for embedding in a prompt between tag delimiters: `<`, `>` and `&` become \u escapes,
 * so a string field cannot close or open a delimiter, and the value still parses as JSON.
 */
export const promptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
