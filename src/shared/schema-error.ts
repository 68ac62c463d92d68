import type { z } from 'zod';

/** Describes the first schema problem as a dotted field path and a message. */
export function describeSchemaError(
  error: z.ZodError,
  fallbackField = '(payload)',
): { field: string; detail: string } {
  const issue = error.issues[0];
  if (issue === undefined) {
    return { field: fallbackField, detail: 'invalid value' };
  }
  // An unknown key is reported on the object that has it; name the key itself.
  const path =
    issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined
      ? [...issue.path, issue.keys[0]]
      : issue.path;
  const field = path.length > 0 ? path.join('.') : fallbackField;
  return { field, detail: issue.message };
}
