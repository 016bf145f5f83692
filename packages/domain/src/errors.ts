/** Input that failed validation. `path` is a JSON path such as `$.projects[0].id`. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    readonly source: string,
    readonly issues: ReadonlyArray<{ path: string; message: string }>,
  ) {
    super(`${source}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
}

/** A conditional write lost to a concurrent writer. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

/** Output from a model that did not match its schema, even after a repair attempt. */
export class ModelOutputError extends Error {
  override readonly name = 'ModelOutputError';
}

/** A remote API answered with an error we do not retry. */
export class IntegrationError extends Error {
  override readonly name = 'IntegrationError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}
