import Conf from 'conf';
import {
  DEFAULT_SETTINGS,
  settingsPatchSchema,
  type Settings,
  type SettingsPatch,
} from '../shared/ipc/app.ts';
import { STORE_NAMES } from '../shared/app-identity.ts';
import { moveAside } from './files.ts';
import type { Logger } from './log/logger.ts';

export interface SettingsStore {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
}

/**
 * Stores the app settings as `settings.json` in `directory`. Unreadable or
 * invalid content is moved aside and replaced by defaults, so a bad file
 * never stops the app from starting.
 */
export function createSettingsStore(directory: string, log: Logger): SettingsStore {
  const open = (): Conf<{ settings: Settings }> =>
    new Conf<{ settings: Settings }>({
      cwd: directory,
      configName: STORE_NAMES.settings,
      projectName: 'cobra-koppelhulp',
      defaults: { settings: DEFAULT_SETTINGS },
    });

  let conf: Conf<{ settings: Settings }>;
  try {
    conf = open();
  } catch (error) {
    const movedTo = moveAside(`${directory}/${STORE_NAMES.settings}.json`);
    log.warn('Settings file unreadable; moved aside and using defaults', { movedTo, error });
    conf = open();
  }

  const read = (): Settings => {
    const stored = conf.get('settings');
    const parsed = settingsPatchSchema.safeParse(stored);
    if (!parsed.success) {
      log.warn('Stored settings invalid; using defaults for the invalid part');
      return DEFAULT_SETTINGS;
    }
    return merge(DEFAULT_SETTINGS, parsed.data);
  };

  return {
    get: read,
    update(patch) {
      const next = merge(read(), patch);
      conf.set('settings', next);
      return next;
    },
  };
}

function merge(base: Settings, patch: SettingsPatch): Settings {
  return {
    language: patch.language ?? base.language,
    network: {
      requestTimeoutMs: patch.network?.requestTimeoutMs ?? base.network.requestTimeoutMs,
      concurrency: patch.network?.concurrency ?? base.network.concurrency,
    },
  };
}
