/**
 * Credentials, set per stage with `npx sst secret set <Name> <value> --stage <stage>`. SST
 * encrypts them into the bundles of the functions that link them; they never appear as plain
 * environment variables, and only the steps that call Jira / Graph link them.
 */
export function createSecrets() {
  return {
    jiraApiToken: new sst.Secret('JiraApiToken'),
    graphClientSecret: new sst.Secret('GraphClientSecret'),
  };
}
