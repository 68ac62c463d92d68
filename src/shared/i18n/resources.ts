import enCli from '../locales/en/cli.json' with { type: 'json' };
import enCommon from '../locales/en/common.json' with { type: 'json' };
import enDialogs from '../locales/en/dialogs.json' with { type: 'json' };
import enDiagnosis from '../locales/en/diagnosis.json' with { type: 'json' };
import enErrors from '../locales/en/errors.json' with { type: 'json' };
import enSealing from '../locales/en/sealing.json' with { type: 'json' };
import enSteps from '../locales/en/steps.json' with { type: 'json' };
import enVerify from '../locales/en/verify.json' with { type: 'json' };
import enVault from '../locales/en/vault.json' with { type: 'json' };
import enInputs from '../locales/en/inputs.json' with { type: 'json' };
import enHandover from '../locales/en/handover.json' with { type: 'json' };
import enOpen from '../locales/en/open.json' with { type: 'json' };
import nlCli from '../locales/nl/cli.json' with { type: 'json' };
import nlCommon from '../locales/nl/common.json' with { type: 'json' };
import nlDialogs from '../locales/nl/dialogs.json' with { type: 'json' };
import nlDiagnosis from '../locales/nl/diagnosis.json' with { type: 'json' };
import nlErrors from '../locales/nl/errors.json' with { type: 'json' };
import nlSealing from '../locales/nl/sealing.json' with { type: 'json' };
import nlSteps from '../locales/nl/steps.json' with { type: 'json' };
import nlVerify from '../locales/nl/verify.json' with { type: 'json' };
import nlVault from '../locales/nl/vault.json' with { type: 'json' };
import nlInputs from '../locales/nl/inputs.json' with { type: 'json' };
import nlHandover from '../locales/nl/handover.json' with { type: 'json' };
import nlOpen from '../locales/nl/open.json' with { type: 'json' };
import type { Language } from '../ipc/app.ts';

/**
 * Every user-facing string, by language and namespace. Each feature adds its
 * namespace here, in both languages; a unit test checks that the two
 * languages have the same keys.
 */
export const resources = {
  nl: {
    common: nlCommon,
    // Each feature may keep its error messages in its own file, mounted
    // under its code prefix: `errors:sealing.truncated`.
    errors: { ...nlErrors, sealing: nlSealing.errors },
    dialogs: nlDialogs,
    sealing: nlSealing,
    steps: nlSteps,
    verify: nlVerify,
    vault: nlVault,
    inputs: nlInputs,
    diagnosis: nlDiagnosis,
    cli: nlCli,
    handover: nlHandover,
    open: nlOpen,
  },
  en: {
    common: enCommon,
    errors: { ...enErrors, sealing: enSealing.errors },
    dialogs: enDialogs,
    sealing: enSealing,
    steps: enSteps,
    verify: enVerify,
    vault: enVault,
    inputs: enInputs,
    diagnosis: enDiagnosis,
    cli: enCli,
    handover: enHandover,
    open: enOpen,
  },
} satisfies Record<Language, Record<string, unknown>>;

export const NAMESPACES = Object.keys(resources.nl) as (keyof (typeof resources)['nl'])[];
export const DEFAULT_LANGUAGE: Language = 'nl';
