/**
 * The SES sender identity with its configuration set, which sst.aws.Email creates and makes the
 * identity's default. The sender is an address (deploy-config.ts), verified by a link SES mails
 * to it on first deploy. A new SES account is in the sandbox until production access is granted:
 * until then it can mail only verified identities.
 */
export function createEmail(sender: string) {
  return new sst.aws.Email('AgentEmail', { sender });
}
