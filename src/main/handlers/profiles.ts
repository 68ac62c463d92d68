import { join } from 'node:path';
import { ProfileLibrary } from '../../core/profiles/library.ts';
import type { HandlerMap } from '../../shared/ipc/contract.ts';
import { AppFailure } from '../../shared/result.ts';
import type { AppServices } from '../services.ts';

/** Opens the profile library of the app: built-in profiles plus imports under userData/profiles. */
export function profileLibraryFor(services: AppServices): ProfileLibrary {
  return new ProfileLibrary(
    join(services.paths.userData, 'profiles'),
    services.log.child('profiles'),
  );
}

export function createProfilesHandlers(services: AppServices): HandlerMap['profiles'] {
  const library = profileLibraryFor(services);
  return {
    list: () => library.list(),

    get: ({ id }) => {
      const entry = library.find(id);
      if (entry === undefined) {
        throw new AppFailure('profiles.not-found', `There is no profile with id "${id}".`, {
          field: 'id',
          params: { id },
        });
      }
      return entry;
    },

    import: async () => {
      const paths = await services.dialogs.showOpenDialog({
        title: 'Import a connection profile',
        filters: [{ name: 'Connection profile', extensions: ['json'] }],
      });
      const path = paths?.[0];
      if (path === undefined) {
        return null;
      }
      return library.import(path);
    },
  };
}
