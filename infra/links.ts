/**
 * SST links grant broad IAM by default (Dynamo: `dynamodb:*`; Email: `ses:*` plus `ses:SendEmail`
 * on `*`). Here links carry values only; each function gets exactly the permissions listed in
 * function-specs.ts / iam-policies.ts. Call before any function is declared.
 */
export function restrictLinkPermissions(): void {
  sst.Linkable.wrap(sst.aws.Dynamo, (table) => ({ properties: { name: table.name } }));
  sst.Linkable.wrap(sst.aws.Email, (email) => ({ properties: { sender: email.sender, configSet: email.configSet } }));
}
