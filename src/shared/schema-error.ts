import type { z } from 'zod';

/**
 * Describes the first schema problem as a dotted field path and a message.
 * With `nameUnknownKey`, an unknown key is named itself rather than the
 * object that contains it.
 */
export function describeSchemaError(
  error: z.ZodError,
  fallbackField = '(payload)',
  nameUnknownKey = false,
): { field: string; detail: string } {
  const issue = error.issues[0];
  if (issue === undefined) {
    return { field: fallbackField, detail: 'invalid value' };
  }
  const path =
    nameUnknownKey && issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined
      ? [...issue.path, issue.keys[0]]
      : issue.path;
  const field = path.length > 0 ? path.join('.') : fallbackField;
  return { field, detail: issue.message };
}
