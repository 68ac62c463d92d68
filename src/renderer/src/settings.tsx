import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { SettingsPatch } from '../../shared/ipc/app.ts';
import type { Settings } from '../../shared/settings.ts';
import type { AppError } from '../../shared/result.ts';
import { api } from './api.ts';

interface SettingsState {
  settings: Settings | null;
  error: AppError | null;
  update(patch: SettingsPatch): Promise<boolean>;
}

const SettingsContext = createContext<SettingsState | null>(null);

/**
 * Shares the settings with every screen. `initial` is what the page read
 * before its first render; when that read failed, the provider reads again.
 */
export function SettingsProvider({
  initial,
  children,
}: {
  initial: Settings | null;
  children: ReactNode;
}) {
  const [settings, setSettings] = useState<Settings | null>(initial);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    if (initial !== null) {
      return;
    }
    void api.app.getSettings().then((result) => {
      if (result.ok) {
        setSettings(result.value);
      } else {
        setError(result.error);
      }
    });
  }, [initial]);

  const update = useCallback(async (patch: SettingsPatch) => {
    const result = await api.app.updateSettings(patch);
    if (result.ok) {
      setSettings(result.value);
      setError(null);
      return true;
    }
    setError(result.error);
    return false;
  }, []);

  const value = useMemo(() => ({ settings, error, update }), [settings, error, update]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsState {
  const state = useContext(SettingsContext);
  if (state === null) {
    throw new Error('useSettings must be used inside SettingsProvider');
  }
  return state;
}
