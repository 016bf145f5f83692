import { createRequire } from 'node:module';
import type * as ClientSesV2 from '@aws-sdk/client-sesv2';

const require = createRequire(import.meta.url);
let sdk: typeof ClientSesV2 | undefined;

/**
 * The SES v2 SDK, loaded with require() as the Lambda runtime provides it (see
 * packages/storage/src/dynamodb-sdk.ts for why not import), and only when the first mail is sent:
 * most runs of Execute Actions and Process Hold Queue send none, and their cold starts skip it.
 */
export const sesSdk = (): typeof ClientSesV2 => (sdk ??= require('@aws-sdk/client-sesv2') as typeof ClientSesV2);
