import learned from '../../../profiles/learned.json' with { type: 'json' };
import xpertsuite from '../../../profiles/xpertsuite-loongegevens.json' with { type: 'json' };
import type { Profile } from '../../shared/profile.ts';
import { parseProfile } from './parse.ts';

/**
 * The profiles shipped with the app, validated when this module loads so a
 * broken built-in profile fails every test instead of a user's run.
 */
export const BUILT_IN_PROFILES: readonly Profile[] = [
  parseProfile(xpertsuite, 'profiles/xpertsuite-loongegevens.json'),
  parseProfile(learned, 'profiles/learned.json'),
];

export const DEFAULT_PROFILE_ID = 'xpertsuite-loongegevens';

export function findBuiltInProfile(id: string): Profile | undefined {
  return BUILT_IN_PROFILES.find((profile) => profile.id === id);
}
