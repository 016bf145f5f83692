import { createRequire } from 'node:module';
import type * as ClientSesV2 from '@aws-sdk/client-sesv2';

/**
 * The SES v2 SDK, loaded with require() as the runtime provides it: see
 * packages/storage/src/dynamodb-sdk.ts for why not import.
 */
const require = createRequire(import.meta.url);

export const { SESv2Client, SendEmailCommand } = require('@aws-sdk/client-sesv2') as typeof ClientSesV2;
export type SESv2Client = ClientSesV2.SESv2Client;
