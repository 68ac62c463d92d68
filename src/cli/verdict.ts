import type { TFunction } from 'i18next';
import type { VerificationReport } from '../shared/report.ts';

/** The verdict in words, with its stable code in brackets for searching. */
export function verdictText(verdict: VerificationReport['verdict'], t: TFunction): string {
  return `${t(`cli:verdict.${verdict}`)} [${verdict}]`;
}
