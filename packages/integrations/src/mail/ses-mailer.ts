import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { sesSdk } from './ses-sdk';
import type { Mailer, OutgoingEmail } from './types';

const lower = (address: string): string => address.toLowerCase();

/** Sends through SES v2 with a configuration set, so bounces and complaints are tracked. */
export const createSesMailer = (options: { client?: SESv2Client; configurationSet?: string; region?: string }): Mailer => {
  const { SESv2Client, SendEmailCommand } = sesSdk();
  const client = options.client ?? new SESv2Client({ region: options.region });
  return {
    async send(email: OutgoingEmail) {
      const result = await client.send(
        new SendEmailCommand({
          FromEmailAddress: email.from,
          // IAM's ses:Recipients condition compares case-sensitively against lower-case domains.
          Destination: { ToAddresses: email.to.map(lower), CcAddresses: (email.cc ?? []).map(lower) },
          Content: {
            Simple: {
              Subject: { Data: email.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
            },
          },
          ConfigurationSetName: options.configurationSet,
          // SES tag values allow only [A-Za-z0-9_-.@]; keys are kept to that alphabet.
          EmailTags: [
            { Name: 'kind', Value: email.kind },
            { Name: 'project', Value: email.projectId.replace(/[^A-Za-z0-9_.@-]/g, '_') },
          ],
        }),
      );
      return { messageId: result.MessageId ?? '' };
    },
  };
};
