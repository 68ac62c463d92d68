import type { Manifest } from '../../../shared/manifest.ts';

/** A warning about an opened file, by its key in the `open` namespace. */
export interface ManifestWarning {
  key: 'opened.validityEnded' | 'opened.validityNotStarted' | 'opened.useBeforePassed';
  params?: Record<string, string>;
}

/** Today's date in the computer's time zone as YYYY-MM-DD, the format of the manifest's dates. */
export function localIsoDate(now: Date): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/**
 * Warns about the dates of an opened file on `today` (YYYY-MM-DD): a client
 * end date that has passed, a start date still to come, and a "use before"
 * date that has passed. Both validity dates are inclusive, as in Cobra.
 */
export function dateWarnings(
  manifest: Pick<Manifest, 'validFrom' | 'validUntil' | 'useBefore'>,
  today: string,
): ManifestWarning[] {
  const warnings: ManifestWarning[] = [];
  if (manifest.validUntil !== null && manifest.validUntil < today) {
    warnings.push({ key: 'opened.validityEnded' });
  }
  if (manifest.validFrom !== null && manifest.validFrom > today) {
    warnings.push({ key: 'opened.validityNotStarted', params: { from: manifest.validFrom } });
  }
  if (manifest.useBefore < today) {
    warnings.push({ key: 'opened.useBeforePassed' });
  }
  return warnings;
}
