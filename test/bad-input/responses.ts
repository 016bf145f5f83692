import fc from 'fast-check';
import { startLoopbackServer, type LoopbackServer, type SandboxRequest, type SandboxResponse } from '../../packages/sandboxes/src/http/loopback-server';
import { mutate, mutationOf } from './properties';

/** What a fuzzed endpoint answers: a status and a raw body (sent as-is, so it can be broken JSON). */
export interface Reply {
  status: number;
  text: string;
}

/** A loopback server whose answers a property sets per run. */
export interface FuzzServer {
  baseUrl: string;
  /** Answers requests whose path matches; the first match wins, anything else is a 404. */
  answer(routes: Array<[RegExp, (request: SandboxRequest) => Reply]>): void;
  close(): Promise<void>;
}

export const startFuzzServer = async (): Promise<FuzzServer> => {
  let routes: Array<[RegExp, (request: SandboxRequest) => Reply]> = [];
  const server: LoopbackServer = await startLoopbackServer((request): SandboxResponse => {
    const route = routes.find(([pattern]) => pattern.test(request.url.pathname));
    if (!route) return { status: 404, text: 'no route' };
    const { status, text } = route[1](request);
    return { status, text, headers: { 'content-type': 'application/json' } };
  });
  return { baseUrl: server.baseUrl, answer: (next) => (routes = next), close: () => server.close() };
};

/** JSON text nested `depth` levels deep, built as text: JSON.stringify itself would overflow the stack. */
export const nestedJson = (depth: number, open: string, close: string, leaf: string): string => `${open.repeat(depth)}${leaf}${close.repeat(depth)}`;

/**
 * Bodies a real or broken API may send for an endpoint whose good answer is `valid`: the good answer
 * with one field wrong or missing, cut short, any other JSON, an HTML error page, or an error status.
 * `deep` and `huge` give endpoint-specific pathological but well-formed bodies.
 */
export const badReplies = (valid: unknown, extra: Array<fc.Arbitrary<Reply>> = []): fc.Arbitrary<Reply> => {
  const text = JSON.stringify(valid);
  return fc.oneof(
    { weight: 4, arbitrary: mutationOf(valid).map((m) => ({ status: 200, text: JSON.stringify(mutate(valid, m)) ?? '' })) },
    { weight: 2, arbitrary: fc.nat({ max: text.length - 1 }).map((cut) => ({ status: 200, text: text.slice(0, cut) })) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => ({ status: 200, text: JSON.stringify(v) ?? '' })) },
    { weight: 1, arbitrary: fc.constantFrom('<html><body>502 Bad Gateway</body></html>', '', 'null', '\u0000\u0001').map((t) => ({ status: 200, text: t })) },
    { weight: 1, arbitrary: fc.record({ status: fc.constantFrom(400, 401, 403, 404, 409, 410, 500, 502), text: fc.oneof(fc.string({ maxLength: 40 }), fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? '')) }) },
    ...extra.map((arbitrary) => ({ weight: 2, arbitrary })),
  );
};
