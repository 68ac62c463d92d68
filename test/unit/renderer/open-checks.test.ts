import { describe, expect, it } from 'vitest';
import { dateWarnings, localIsoDate } from '../../../src/renderer/src/open/checks.ts';

describe('dateWarnings', () => {
  const today = '2026-12-10';
  const valid = { validFrom: '2026-12-01', validUntil: '2027-12-01', useBefore: '2026-12-18' };

  it('warns about nothing for a current file', () => {
    expect(dateWarnings(valid, today)).toEqual([]);
  });

  it('accepts both dates on the day itself', () => {
    expect(dateWarnings({ ...valid, validUntil: today, useBefore: today }, today)).toEqual([]);
  });

  it('warns when the end date has passed', () => {
    const warnings = dateWarnings({ ...valid, validUntil: '2026-12-09' }, today);
    expect(warnings.map((warning) => warning.key)).toEqual(['opened.validityEnded']);
  });

  it('warns when the start date is still to come', () => {
    const warnings = dateWarnings({ ...valid, validFrom: '2026-12-11' }, today);
    expect(warnings).toEqual([
      { key: 'opened.validityNotStarted', params: { from: '2026-12-11' } },
    ]);
  });

  it('warns when the use-before date has passed', () => {
    const warnings = dateWarnings({ ...valid, useBefore: '2026-12-09' }, today);
    expect(warnings.map((warning) => warning.key)).toEqual(['opened.useBeforePassed']);
  });

  it('ignores missing validity dates', () => {
    expect(dateWarnings({ ...valid, validFrom: null, validUntil: null }, today)).toEqual([]);
  });
});

describe('localIsoDate', () => {
  it('formats the local calendar date with padded month and day', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
