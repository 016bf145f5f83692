import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mailer, OutgoingEmail } from './types';

/** Sends through SES v2 with a configuration set, so bounces and complaints are tracked. */
export const createSesMailer = (options: { client?: SESv2Client; configurationSet?: string; region?: string }): Mailer => {
  const client = options.client ?? new SESv2Client({ region: options.region });
  return {
    async send(email: OutgoingEmail) {
      const result = await client.send(
        new SendEmailCommand({
          FromEmailAddress: email.from,
          Destination: { ToAddresses: email.to, CcAddresses: email.cc ?? [] },
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
