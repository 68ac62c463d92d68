import { useEffect, useState } from 'react';
import type { ProfileEntry } from '../../shared/ipc/profiles.ts';
import type { Profile } from '../../shared/profile.ts';
import type { AppError, Result } from '../../shared/result.ts';
import { api } from './api.ts';

let cached: Promise<Result<ProfileEntry[]>> | null = null;

/** Reads the profile list once per page load; `refresh` reads it again, e.g. after an import. */
export function loadProfiles(refresh = false): Promise<Result<ProfileEntry[]>> {
  if (cached === null || refresh) {
    cached = api.profiles.list();
  }
  return cached;
}

export interface ProfilesState {
  /** Null while the list loads. */
  profiles: Profile[] | null;
  error: AppError | null;
  reload(): void;
}

/** The connection profiles this install knows: built-in ones first, then imported ones. */
export function useProfiles(): ProfilesState {
  const [profiles, setProfiles] = useState<Profile[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    void loadProfiles(version > 0).then((result) => {
      if (!current) {
        return;
      }
      if (result.ok) {
        setProfiles(result.value.map((entry) => entry.profile));
        setError(null);
      } else {
        setError(result.error);
      }
    });
    return () => {
      current = false;
    };
  }, [version]);

  return { profiles, error, reload: () => setVersion((previous) => previous + 1) };
}

/** One profile by id, or null while the list loads or when the id is unknown. */
export function useProfile(profileId: string | null): Profile | null {
  const { profiles } = useProfiles();
  return profiles?.find((profile) => profile.id === profileId) ?? null;
}
