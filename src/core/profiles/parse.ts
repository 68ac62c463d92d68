import { PROFILE_FORMAT_VERSION, profileSchema, type Profile } from '../../shared/profile.ts';
import { AppFailure } from '../../shared/result.ts';
import { describeSchemaError } from '../../shared/schema-error.ts';

/**
 * Validates a parsed profile document. Throws an AppFailure that names the
 * first wrong field: `profiles.future-version` when the file needs a newer
 * app, `profiles.invalid` for anything else.
 */
export function parseProfile(data: unknown, source: string): Profile {
  const formatVersion = (data as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof formatVersion === 'number' && formatVersion > PROFILE_FORMAT_VERSION) {
    throw new AppFailure(
      'profiles.future-version',
      `${source}: formatVersion ${formatVersion} is newer than this app reads ` +
        `(${PROFILE_FORMAT_VERSION}). Update Cobra Koppelhulp to use this profile.`,
      {
        field: 'formatVersion',
        params: {
          source,
          field: 'formatVersion',
          found: formatVersion,
          supported: PROFILE_FORMAT_VERSION,
        },
      },
    );
  }

  const parsed = profileSchema.safeParse(data);
  if (!parsed.success) {
    const { field, detail } = describeSchemaError(parsed.error, '(profile)', true);
    throw new AppFailure('profiles.invalid', `${source}: invalid value for "${field}": ${detail}`, {
      field,
      params: { source, field, detail },
    });
  }
  return parsed.data;
}

/** Parses the text of a profile file; invalid JSON is reported like a wrong field. */
export function parseProfileText(text: string, source: string): Profile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new AppFailure('profiles.not-json', `${source} is not valid JSON: ${detail}`, {
      field: '(file)',
      params: { source, detail },
      cause: error,
    });
  }
  return parseProfile(data, source);
}
