import { z } from 'zod';
import type { Profile } from '../profile.ts';
import { invoke } from './define.ts';

/** A profile as the renderer lists it: built into the app or imported by the user. */
export interface ProfileEntry {
  profile: Profile;
  origin: 'built-in' | 'imported';
}

export const profilesContract = {
  /** Built-in profiles first, then the imported ones. */
  list: invoke<ProfileEntry[]>()('profiles:list', z.undefined()),
  get: invoke<ProfileEntry>()('profiles:get', z.object({ id: z.string().min(1).max(64) }).strict()),
  /**
   * Asks for a profile file with the open dialog, validates it and keeps a
   * copy. Returns null when the user cancels; an invalid file fails with
   * `profiles.invalid` or `profiles.future-version`, naming the wrong field.
   */
  import: invoke<ProfileEntry | null>()('profiles:import', z.undefined()),
};
