/**
 * Hints for the rules pre-filter: auto-replies and bulk mail rarely need a model. Headers are
 * untrusted like the rest of the mail, so these only ever lower a message's priority.
 */

export type HeaderMap = ReadonlyMap<string, string>;

export const headerMap = (headers: ReadonlyArray<{ name: string; value?: string | null }> | null | undefined): HeaderMap =>
  new Map((headers ?? []).map((h) => [h.name.trim().toLowerCase(), (h.value ?? '').trim()]));

const AUTO_REPLY_SUBJECT = /^\s*(automatic reply|auto[- ]?reply|autoreply|auto:|out of (the )?office|ooo\b|réponse automatique|abwesenheitsnotiz|respuesta automática)/i;

/** RFC 3834 `Auto-Submitted`, Exchange/other auto-responder headers, or an auto-reply subject. */
export const isAutoReply = (headers: HeaderMap, subject: string): boolean => {
  const autoSubmitted = headers.get('auto-submitted');
  if (autoSubmitted !== undefined && autoSubmitted.toLowerCase() !== 'no') return true;
  if (['x-auto-response-suppress', 'x-autoreply', 'x-autorespond', 'x-autoresponder'].some((name) => headers.has(name))) return true;
  if (headers.get('precedence')?.toLowerCase() === 'auto_reply') return true;
  return AUTO_REPLY_SUBJECT.test(subject);
};

/** Mailing lists and bulk senders (RFC 2369 `List-*`, `Precedence: bulk|list|junk`). */
export const isBulk = (headers: HeaderMap): boolean => {
  if (headers.has('list-unsubscribe') || headers.has('list-id')) return true;
  const precedence = headers.get('precedence')?.toLowerCase();
  return precedence === 'bulk' || precedence === 'list' || precedence === 'junk';
};
