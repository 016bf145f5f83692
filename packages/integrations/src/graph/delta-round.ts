import { IntegrationError, toJsonPath } from '@agentic-pm/domain';
import type { DeltaRound, MailMessage } from './types';
import { isSyncStateLost } from './graph-error';
import type { GraphHttp } from './graph-http';
import { deltaPageSchema, MESSAGE_SELECT, removedItemSchema, wireMessageSchema } from './graph-wire';
import { toMailMessage } from './map-message';

export interface DeltaOptions {
  graphBaseUrl: string;
  /** ISO time: a full sync starts at mail received from here, not the whole inbox. */
  receivedSince?: string;
  pageSize: number;
  maxBodyChars: number;
}

const MAX_PAGES = 10_000;

/** Query options go on the first request only; Graph folds them into the links it returns. */
export const initialDeltaUrl = (graphBaseUrl: string, mailbox: string, receivedSince?: string): string =>
  `${graphBaseUrl.replace(/\/+$/, '')}/v1.0/users/${encodeURIComponent(mailbox)}/mailFolders/inbox/messages/delta?$select=${MESSAGE_SELECT.join(',')}` +
  (receivedSince ? `&$filter=${encodeURIComponent(`receivedDateTime ge ${new Date(receivedSince).toISOString()}`)}` : '');

const invalid = (what: string, issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): IntegrationError =>
  new IntegrationError(`${what}: ${issues.slice(0, 3).map((i) => `${toJsonPath(i.path)}: ${i.message}`).join('; ')}`);

/** Follows nextLinks (empty pages included) from `startUrl` until Graph hands out a deltaLink. */
const followToDeltaLink = async (http: GraphHttp, mailbox: string, startUrl: string, options: DeltaOptions): Promise<Omit<DeltaRound, 'resynced'>> => {
  // Replays happen (a message can come twice in one round): the last copy of an id wins.
  const messages = new Map<string, MailMessage>();
  const removed = new Set<string>();
  const headers = { Prefer: `odata.maxpagesize=${options.pageSize}` };
  let url = startUrl;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const body = deltaPageSchema.safeParse(await http.get(url, mailbox, headers));
    if (!body.success) throw invalid(`Graph delta page for ${mailbox} is not a delta page`, body.error.issues);
    for (const item of body.data.value) {
      const gone = removedItemSchema.safeParse(item);
      if (gone.success) {
        messages.delete(gone.data.id);
        removed.add(gone.data.id);
        continue;
      }
      const message = wireMessageSchema.safeParse(item);
      if (!message.success) throw invalid(`Graph delta item for ${mailbox} is not a message`, message.error.issues);
      removed.delete(message.data.id);
      messages.set(message.data.id, await toMailMessage(message.data, options.maxBodyChars));
    }
    const deltaLink = body.data['@odata.deltaLink'];
    if (deltaLink) return { messages: [...messages.values()], removedIds: [...removed], deltaLink };
    const nextLink = body.data['@odata.nextLink'];
    if (!nextLink) throw new IntegrationError(`Graph delta page for ${mailbox} has neither @odata.nextLink nor @odata.deltaLink`);
    url = nextLink;
  }
  throw new IntegrationError(`Graph delta for ${mailbox} did not reach a deltaLink within ${MAX_PAGES} pages`);
};

/**
 * One delta round. A rejected sync state (410 Gone, `syncStateNotFound`, `resyncRequired`) on any page
 * restarts a full sync from scratch: the caller stores by message id, so the replay is harmless.
 */
export const deltaRound = async (http: GraphHttp, mailbox: string, deltaLink: string | null, options: DeltaOptions): Promise<DeltaRound> => {
  const fullSync = initialDeltaUrl(options.graphBaseUrl, mailbox, options.receivedSince);
  try {
    return { ...(await followToDeltaLink(http, mailbox, deltaLink ?? fullSync, options)), resynced: false };
  } catch (error) {
    if (!isSyncStateLost(error)) throw error;
  }
  // A second loss during the full sync itself is a real failure, not a reason to loop.
  return { ...(await followToDeltaLink(http, mailbox, fullSync, options)), resynced: true };
};
