import { randomBytes } from 'node:crypto';
import type { SandboxResponse } from '../http/loopback-server';

const LIFETIME_SECONDS = 3599;

export interface AppCredentials {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

const aadError = (status: number, error: string, description: string): SandboxResponse => ({
  status,
  json: { error, error_description: description, error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)], timestamp: new Date().toISOString() },
});

/** The Microsoft identity platform's client-credentials grant, for one app registration. */
export class TokenIssuer {
  readonly #tokens = new Map<string, number>();
  #issued = 0;

  constructor(private readonly app: AppCredentials) {}

  /** How many tokens were handed out (tests check the client caches). */
  get issuedCount(): number {
    return this.#issued;
  }

  issue(tenant: string, form: URLSearchParams): SandboxResponse {
    if (tenant !== this.app.tenantId) return aadError(400, 'invalid_request', `AADSTS90002: Tenant '${tenant}' not found.`);
    if (form.get('grant_type') !== 'client_credentials') {
      return aadError(400, 'unsupported_grant_type', `AADSTS70003: The app requested an unsupported grant type '${form.get('grant_type') ?? ''}'.`);
    }
    if (form.get('client_id') !== this.app.clientId) {
      return aadError(400, 'unauthorized_client', `AADSTS700016: Application with identifier '${form.get('client_id') ?? ''}' was not found in the directory.`);
    }
    if (form.get('client_secret') !== this.app.clientSecret) return aadError(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
    if (form.get('scope') !== 'https://graph.microsoft.com/.default') {
      return aadError(400, 'invalid_scope', `AADSTS1002012: The provided value for scope '${form.get('scope') ?? ''}' is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.`);
    }
    const token = `sandbox.${randomBytes(24).toString('base64url')}`;
    this.#tokens.set(token, Date.now() + LIFETIME_SECONDS * 1000);
    this.#issued += 1;
    return { status: 200, json: { token_type: 'Bearer', expires_in: LIFETIME_SECONDS, ext_expires_in: LIFETIME_SECONDS, access_token: token } };
  }

  /** Token lifetimes are wall-clock time, not scenario time: they belong to the HTTP session, not the story. */
  isValid(authorization: string | undefined): boolean {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    const expiresAt = token === undefined ? undefined : this.#tokens.get(token);
    return expiresAt !== undefined && Date.now() < expiresAt;
  }
}
