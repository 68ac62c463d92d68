/** Writes profiles/profile.schema.json from the zod schema of a connection profile. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { profileJsonSchemaText } from '../src/core/profiles/json-schema.ts';

const target = join(import.meta.dirname, '..', 'profiles', 'profile.schema.json');
writeFileSync(target, profileJsonSchemaText());
console.log(`Wrote ${target}`);
