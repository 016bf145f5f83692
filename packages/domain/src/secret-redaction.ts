/**
 * One place that decides what a secret looks like, for everything that leaves the process as
 * text: log lines and error messages. Secrets never belong there; this is the safety net for
 * when one gets there anyway (an error body that echoes the request, an object logged whole).
 */

export const REDACTED = '[redacted]';

/** Keys whose value is a credential, compared without case, `-` or `_`: `Authorization`, `access_token`, `apiToken`. */
const SENSITIVE_KEYS: ReadonlySet<string> = new Set(['authorization', 'proxyauthorization', 'cookie', 'setcookie', 'apikey', 'xapikey', 'credentials']);
/** ...and any key ending in one of these: `token`, `clientSecret`, `jiraApiToken`, `password` (not `inputTokens`). */
const SENSITIVE_SUFFIXES = ['token', 'secret', 'password', 'passwd'] as const;

const normaliseKey = (key: string): string => key.toLowerCase().replace(/[-_\s]/g, '');

export const isSensitiveKey = (key: string): boolean => {
  const k = normaliseKey(key);
  return SENSITIVE_KEYS.has(k) || SENSITIVE_SUFFIXES.some((suffix) => k.endsWith(suffix));
};

/**
 * Credentials written inline: an HTTP authorization value (`Bearer eyJ...`, `Basic dXNlcjp0b2tlbg==`),
 * or a key/value pair in JSON, a form or a header dump (`"access_token":"..."`, `client_secret=...`,
 * `authorization: ...`). A scheme's credential must carry a digit or a token character, so prose such
 * as "Basic information" is left alone.
 */
const INLINE_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/\b(Bearer|Basic)(\s+)(?=[A-Za-z0-9\-._~+/]*[0-9\-._~+/=])[A-Za-z0-9\-._~+/]{6,}=*/gi, `$1$2${REDACTED}`],
  [
    /(["']?)((?:[A-Za-z]{1,24}[-_]?)?(?:authorization|access[-_]?token|refresh[-_]?token|id[-_]?token|api[-_]?token|api[-_]?key|client[-_]?secret|password|secret|token))\1(\s*[:=]\s*)(["']?)(?!(?:(?:Bearer|Basic)\s+)?\[redacted\])(?:(?:Bearer|Basic)\s+)?[^\s"'&,;})\]]+/gi,
    `$1$2$1$3$4${REDACTED}`,
  ],
];

const encodings = (secret: string): string[] => [
  secret,
  encodeURIComponent(secret),
  new URLSearchParams({ s: secret }).toString().slice(2),
  Buffer.from(secret).toString('base64'),
  Buffer.from(secret).toString('base64url'),
];

/**
 * `text` with credentials replaced by `[redacted]`: every occurrence of a `known` secret (as is,
 * URL-encoded or base64) and every inline credential pattern. Known secrets shorter than 4
 * characters are ignored: blanking every "ab" would only garble the message.
 */
export const redactSecrets = (text: string, known: ReadonlyArray<string | undefined> = []): string => {
  let out = text;
  const values = [...new Set(known.filter((s): s is string => typeof s === 'string' && s.length >= 4).flatMap(encodings))];
  // Longest first, so a secret inside another's encoding does not leave a tail behind.
  for (const value of values.sort((a, b) => b.length - a.length)) out = out.split(value).join(REDACTED);
  for (const [pattern, replacement] of INLINE_PATTERNS) out = out.replace(pattern, replacement);
  return out;
};

/**
 * A JSON.stringify replacer (Powertools Logger's `jsonReplacerFn`): values under sensitive keys
 * become `[redacted]`, and every string is scrubbed of inline credentials. Numbers and booleans under
 * a sensitive-looking key stay, since they cannot be credentials worth hiding (`maxTokens: 512`).
 */
export const redactingJsonReplacer = (key: string, value: unknown): unknown => {
  if (key !== '' && isSensitiveKey(key) && value !== null && value !== undefined && typeof value !== 'number' && typeof value !== 'boolean') {
    return REDACTED;
  }
  return typeof value === 'string' ? redactSecrets(value) : value;
};
