import { createServer, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SandboxRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  /** Sent as JSON when present. */
  json?: unknown;
  /** Sent as-is when `json` is absent. */
  text?: string;
}

export type SandboxHandler = (request: SandboxRequest) => Promise<SandboxResponse> | SandboxResponse;

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLarge extends Error {}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
};

/** An HTTP/1.1 server on the loopback interface, on a free port, answering through `handler`. */
export const startLoopbackServer = async (handler: SandboxHandler, host = '127.0.0.1'): Promise<LoopbackServer> => {
  const server = createServer((req, res) => {
    const respond = (response: SandboxResponse): void => {
      const headers: Record<string, string> = { ...response.headers };
      let payload = response.text ?? '';
      if (response.json !== undefined) {
        headers['content-type'] = 'application/json;charset=UTF-8';
        payload = JSON.stringify(response.json);
      }
      res.writeHead(response.status, headers).end(response.status === 204 ? undefined : payload);
    };
    void (async () => {
      try {
        const body = await readBody(req);
        const url = new URL(req.url ?? '/', `http://${host}`);
        respond(await handler({ method: req.method ?? 'GET', url, headers: req.headers, body }));
      } catch (error) {
        if (error instanceof BodyTooLarge) respond({ status: 413, text: 'request body too large' });
        else respond({ status: 500, text: `sandbox failure: ${error instanceof Error ? error.message : String(error)}` });
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Keep-alive connections from fetch would hold close() open; end them.
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
};

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
