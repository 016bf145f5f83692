export type SecretName = 'jiraApiToken' | 'graphClientSecret';

/** Where credentials come from: SST-linked secrets in AWS, the environment or local config on one machine. */
export interface SecretsProvider {
  get(name: SecretName): Promise<string>;
}

export class MissingSecretError extends Error {
  override readonly name = 'MissingSecretError';
}

/** Reads secrets from a plain map (local runs, tests), naming the missing one. */
export const staticSecrets = (values: Partial<Record<SecretName, string>>, origin: string): SecretsProvider => ({
  async get(name) {
    const value = values[name];
    if (!value) throw new MissingSecretError(`secret "${name}" is not set in ${origin}`);
    return value;
  },
});
