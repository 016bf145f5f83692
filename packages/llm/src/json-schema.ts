import * as z from 'zod';
import type { ToolInputSchema } from '@aws-sdk/client-bedrock-runtime';

/** A JSON value as the SDK carries it in tool schemas and tool inputs. */
export type JsonDocument = ToolInputSchema.JsonMember['json'];

/**
 * The JSON Schema Bedrock gets for a tool, generated from the zod schema that validates the
 * answer, so the two cannot drift. `io: 'input'` keeps fields with defaults optional, as zod
 * accepts them. Refinements (id matching and the like) are not expressible and stay in zod.
 */
export const toolInputSchema = (schema: z.ZodType): JsonDocument => {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' });
  return json as JsonDocument;
};
