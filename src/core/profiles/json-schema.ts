import { z } from 'zod';
import { profileSchema } from '../../shared/profile.ts';

/**
 * Generates the JSON Schema of a profile file, for editors and for recipients
 * who write their own profile. The zod schema stays the source of truth, and
 * `npm run profile-schema` rewrites profiles/profile.schema.json from it.
 */
export function profileJsonSchemaText(): string {
  const schema = z.toJSONSchema(profileSchema, { io: 'input', target: 'draft-2020-12' });
  const document = {
    ...schema,
    title: 'Cobra Koppelhulp connection profile',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
