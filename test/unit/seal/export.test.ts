import { describe, expect, it } from 'vitest';
import {
  assessVerification,
  buildManifest,
  defaultUseBefore,
  type ExportInputs,
} from '../../../src/core/seal/export.ts';
import { parseManifest, serializeManifest } from '../../../src/shared/manifest.ts';
import { sampleManifest, sampleReport } from '../../support/seal.ts';

const DIGEST = 'a'.repeat(64);
const OTHER_DIGEST = 'b'.repeat(64);

function inputs(overrides: Partial<ExportInputs> = {}): ExportInputs {
  const manifest = sampleManifest();
  return {
    environmentUrl: manifest.environmentUrl,
    tokenUrl: manifest.tokenUrl,
    clientId: manifest.clientId,
    clientSecret: manifest.clientSecret,
    clientDisplayName: manifest.clientDisplayName,
    validFrom: manifest.validFrom,
    validUntil: manifest.validUntil,
    companyNumbers: manifest.companyNumbers,
    profile: manifest.profile,
    report: sampleReport(),
    currentInputsDigest: DIGEST,
    sender: { name: 'Jan de Vries' },
    confirmUnverified: false,
    now: new Date('2026-12-04T10:00:00Z'),
    ...overrides,
  };
}

describe('assessVerification', () => {
  const cases: [string, ReturnType<typeof sampleReport> | null, string, string][] = [
    ['a passing report of the same inputs', sampleReport(), DIGEST, 'passed'],
    ['a passing report of other inputs', sampleReport(), OTHER_DIGEST, 'stale'],
    ['a failed report', sampleReport({ verdict: 'fail' }), DIGEST, 'failed'],
    ['an error report', sampleReport({ verdict: 'error' }), DIGEST, 'failed'],
    ['a cancelled run', sampleReport({ verdict: 'cancelled' }), DIGEST, 'failed'],
    ['no report', null, DIGEST, 'missing'],
  ];
  it.each(cases)('rates %s', (_name, report, digest, state) => {
    expect(assessVerification(report, digest)).toBe(state);
  });
});

describe('buildManifest', () => {
  it('exports a verified connection without confirmation', () => {
    const manifest = buildManifest(inputs());
    expect(manifest.verification).toEqual({
      state: 'passed',
      confirmedDespiteState: false,
      report: sampleReport(),
    });
    expect(manifest.createdAt).toBe('2026-12-04T10:00:00.000Z');
    expect(manifest.useBefore).toBe('2026-12-18');
    expect(parseManifest(serializeManifest(manifest))).toEqual(manifest);
  });

  const refused: [string, Partial<ExportInputs>, string][] = [
    ['a failed verification', { report: sampleReport({ verdict: 'fail' }) }, 'failed'],
    ['a stale verification', { currentInputsDigest: OTHER_DIGEST }, 'stale'],
    ['no verification', { report: null }, 'missing'],
  ];
  it.each(refused)('rejects %s unless confirmed', (_name, overrides, state) => {
    expect(() => buildManifest(inputs(overrides))).toThrow(
      expect.objectContaining({ code: `sealing.verification-${state}` }),
    );
    const manifest = buildManifest(inputs({ ...overrides, confirmUnverified: true }));
    expect(manifest.verification.state).toBe(state);
    expect(manifest.verification.confirmedDespiteState).toBe(true);
  });

  it('records no confirmation when none was needed', () => {
    const manifest = buildManifest(inputs({ confirmUnverified: true }));
    expect(manifest.verification.confirmedDespiteState).toBe(false);
  });
});

describe('defaultUseBefore', () => {
  it('lies two weeks ahead, capped at the end date', () => {
    const now = new Date('2026-12-04T10:00:00Z');
    expect(defaultUseBefore(now, null)).toBe('2026-12-18');
    expect(defaultUseBefore(now, '2026-12-10')).toBe('2026-12-10');
    expect(defaultUseBefore(now, '2027-01-01')).toBe('2026-12-18');
  });
});
