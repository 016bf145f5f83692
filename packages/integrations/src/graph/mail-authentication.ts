/**
 * Sender authentication from the receiving server's `Authentication-Results` header (RFC 8601).
 * The From address is whatever the sender typed; only a DMARC, aligned DKIM or aligned SPF pass
 * that the organisation's own mail server recorded says the mail really came from that domain.
 */

type Header = { name: string; value?: string | null };

const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/** `method=result prop=value ...` clauses after the authserv-id; comments in parentheses dropped. */
const clausesOf = (value: string): Array<{ method: string; result: string; props: Map<string, string> }> =>
  value
    .replace(/\([^)]*\)/g, ' ')
    .split(';')
    .slice(1)
    .flatMap((clause) => {
      const [head, ...rest] = clause.trim().split(/\s+/);
      const m = /^([\w-]+)=([\w-]+)$/.exec(head ?? '');
      if (!m?.[1] || !m[2]) return [];
      const props = new Map(rest.flatMap((p) => {
        const kv = /^([\w.-]+)=(.+)$/.exec(p);
        return kv?.[1] && kv[2] ? [[kv[1].toLowerCase(), kv[2].replace(/^"|"$/g, '').toLowerCase()] as const] : [];
      }));
      return [{ method: m[1].toLowerCase(), result: m[2].toLowerCase(), props }];
    });

/**
 * The From domain when the receiving server authenticated it, else null. Only the first
 * `Authentication-Results` counts: the organisation's server adds its own on top, and any
 * further down were written by whoever sent the mail.
 */
export const authenticatedFromDomain = (headers: readonly Header[] | null | undefined, from: string): string | null => {
  const first = (headers ?? []).find((h) => h.name.trim().toLowerCase() === 'authentication-results');
  if (!first?.value || !from.includes('@')) return null;
  const domain = domainOf(from);
  const aligned = (value: string | undefined): boolean => value !== undefined && domainOf(value) === domain;
  const passed = clausesOf(first.value).some(({ method, result, props }) => {
    if (result !== 'pass') return false;
    if (method === 'dmarc') return aligned(props.get('header.from'));
    if (method === 'dkim') return aligned(props.get('header.d') ?? props.get('header.i'));
    if (method === 'spf') return aligned(props.get('smtp.mailfrom'));
    return false;
  });
  return passed ? domain : null;
};
