import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../src/shared/result.ts';
import { filesIn, openVault, readJson, tempDirectory, writeJson } from './helpers.ts';

const PROFILE = 'xpertsuite-loongegevens';

function failureOf(action: () => unknown): AppFailure {
  try {
    action();
  } catch (error) {
    if (error instanceof AppFailure) {
      return error;
    }
    throw error;
  }
  throw new Error('expected an AppFailure, but the call succeeded');
}

let storedCount = 0;

/** A connection as format version 2 stores it, each one created a minute after the last. */
function storedConnection(name: string, id: string = crypto.randomUUID()) {
  storedCount += 1;
  const createdAt = new Date(Date.UTC(2026, 10, 1, 10, storedCount)).toISOString();
  return {
    id,
    name,
    profileId: PROFILE,
    environmentUrl: 'https://werkgever.cobra.example',
    clientId: 'client-1',
    clientDisplayName: 'XpertSuite Loongegevens',
    validFrom: '2026-01-01',
    validUntil: '2027-01-01',
    companyNumbers: ['1001'],
    checklist: { 'activate.terms': true },
    createdAt,
    updatedAt: createdAt,
    lastReport: null,
  };
}

describe('connection store', () => {
  it('creates connections and keeps them across a restart', () => {
    const fixture = openVault();
    const test = fixture.vault.connections.create({ name: 'Test', profileId: PROFILE });
    const production = fixture.vault.connections.create({ name: 'Productie', profileId: PROFILE });

    const reopened = fixture.reopen();
    expect(reopened.vault.connections.list().map((item) => item.id)).toEqual([
      test.id,
      production.id,
    ]);
    expect(reopened.vault.connections.get(test.id)).toEqual(test);
    expect(reopened.vault.notices.list()).toEqual([]);
  });

  it('updates the given fields and keeps the others', () => {
    const { vault } = openVault();
    const created = vault.connections.create({ name: 'Test', profileId: PROFILE });
    vault.connections.update(created.id, { clientId: 'abc', companyNumbers: ['1', '2', '1'] });
    const updated = vault.connections.update(created.id, { validFrom: '2026-12-01' });

    expect(updated.clientId).toBe('abc');
    expect(updated.companyNumbers).toEqual(['1', '2']);
    expect(updated.validFrom).toBe('2026-12-01');
    expect(updated.name).toBe('Test');
    expect(updated.createdAt).toBe(created.createdAt);
  });

  it('rejects an end date before the start date and changes nothing', () => {
    const { vault } = openVault();
    const created = vault.connections.create({ name: 'Test', profileId: PROFILE });
    vault.connections.update(created.id, { validFrom: '2026-12-01' });

    const failure = failureOf(() =>
      vault.connections.update(created.id, { validUntil: '2026-11-30' }),
    );
    expect(failure.code).toBe('connections.invalid-dates');
    expect(failure.field).toBe('validUntil');
    expect(vault.connections.get(created.id).validUntil).toBeNull();
  });

  it('ticks and unticks checklist items', () => {
    const { vault } = openVault();
    const { id } = vault.connections.create({ name: 'Test', profileId: PROFILE });
    vault.connections.setChecklistItem(id, 'activate.terms', true);
    vault.connections.setChecklistItem(id, 'roles.client', true);
    const result = vault.connections.setChecklistItem(id, 'activate.terms', false);
    expect(result.checklist).toEqual({ 'roles.client': true });
  });

  it('reports a failed write and keeps the previous state', () => {
    const { vault, directory } = openVault();
    const kept = vault.connections.create({ name: 'Test', profileId: PROFILE });
    // A folder where the file should be makes every write fail, also as root.
    rmSync(join(directory, 'connections.json'));
    mkdirSync(join(directory, 'connections.json'));

    const failure = failureOf(() =>
      vault.connections.create({ name: 'Nieuw', profileId: PROFILE }),
    );
    expect(failure.code).toBe('vault.write-failed');
    expect(failure.params).toEqual({ file: 'connections.json' });
    expect(vault.connections.list()).toEqual([kept]);
  });

  it('reports an unknown id as not found', () => {
    const { vault } = openVault();
    const failure = failureOf(() => vault.connections.get(crypto.randomUUID()));
    expect(failure.code).toBe('connections.not-found');
  });
});

describe('connection store recovery', () => {
  it('moves a truncated file aside, starts and tells the user', () => {
    const directory = tempDirectory();
    const first = openVault(directory);
    first.vault.connections.create({ name: 'Test', profileId: PROFILE });
    const path = join(directory, 'connections.json');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.slice(0, Math.floor(text.length / 2)));

    const reopened = openVault(directory);
    expect(reopened.vault.connections.list()).toEqual([]);
    const [notice] = reopened.vault.notices.list();
    expect(notice?.code).toBe('vault.store-recovered');
    expect(notice?.params['file']).toBe('connections.json');
    const movedTo = String(notice?.params['movedTo']);
    expect(movedTo).toMatch(/^connections\.json\.corrupt-\d{4}-\d{2}-\d{2}T/);
    expect(filesIn(directory)).toContain(movedTo);
    expect(readFileSync(join(directory, movedTo), 'utf8')).toBe(
      text.slice(0, Math.floor(text.length / 2)),
    );

    // The fresh store works.
    reopened.vault.connections.create({ name: 'Nieuw', profileId: PROFILE });
    expect(openVault(directory).vault.connections.list()).toHaveLength(1);
  });

  it('moves aside a file that is not JSON at all', () => {
    const directory = tempDirectory();
    writeFileSync(join(directory, 'connections.json'), '\u0000\u0000garbage');
    const { vault } = openVault(directory);
    expect(vault.connections.list()).toEqual([]);
    expect(vault.notices.list().map((notice) => notice.code)).toEqual(['vault.store-recovered']);
  });

  it('keeps every valid entry when one entry is invalid', () => {
    const directory = tempDirectory();
    const good = [storedConnection('Test'), storedConnection('Productie')];
    const broken = { ...storedConnection('Kapot'), validFrom: 'gisteren' };
    const original = {
      connections: {
        [good[0]!.id]: good[0],
        [broken.id]: broken,
        [good[1]!.id]: good[1],
      },
      __internal__: { migrations: { version: '2.0.0' } },
    };
    writeJson(join(directory, 'connections.json'), original);

    const { vault } = openVault(directory);
    expect(vault.connections.list().map((item) => item.name)).toEqual(['Test', 'Productie']);
    const [notice] = vault.notices.list();
    expect(notice?.code).toBe('vault.entries-dropped');
    expect(notice?.params['count']).toBe(1);

    const copy = readJson(join(directory, String(notice?.params['copy'])));
    expect(copy).toEqual(original);
    const rewritten = readJson(join(directory, 'connections.json'))['connections'] as object;
    expect(Object.keys(rewritten).sort()).toEqual([good[0]!.id, good[1]!.id].sort());
  });

  it('keeps the valid entries when one entry is not an object', () => {
    const directory = tempDirectory();
    const good = storedConnection('Test');
    writeJson(join(directory, 'connections.json'), {
      connections: { [good.id]: good, [crypto.randomUUID()]: 5 },
      __internal__: { migrations: { version: '2.0.0' } },
    });
    const { vault } = openVault(directory);
    expect(vault.connections.list().map((item) => item.name)).toEqual(['Test']);
    expect(vault.notices.list().map((notice) => notice.code)).toEqual(['vault.entries-dropped']);
  });

  it('drops an entry stored under a key that is not its id format', () => {
    const directory = tempDirectory();
    const good = storedConnection('Test');
    writeJson(join(directory, 'connections.json'), {
      connections: { [good.id]: good, 'not-a-uuid': storedConnection('Vreemd') },
    });
    const { vault } = openVault(directory);
    expect(vault.connections.list().map((item) => item.name)).toEqual(['Test']);
  });

  it('opens a file from a newer format read-only and changes nothing', () => {
    const directory = tempDirectory();
    const entry = storedConnection('Test');
    const original = {
      connections: { [entry.id]: entry },
      __internal__: { migrations: { version: '99.0.0' } },
    };
    writeJson(join(directory, 'connections.json'), original);
    const before = readFileSync(join(directory, 'connections.json'), 'utf8');

    const { vault } = openVault(directory);
    expect(vault.connections.list().map((item) => item.name)).toEqual(['Test']);
    expect(vault.notices.list().map((notice) => notice.code)).toEqual(['vault.store-newer']);
    const failure = failureOf(() => vault.connections.create({ name: 'X', profileId: PROFILE }));
    expect(failure.code).toBe('vault.store-read-only');
    expect(readFileSync(join(directory, 'connections.json'), 'utf8')).toBe(before);
  });

  it('dismisses a notice', () => {
    const directory = tempDirectory();
    writeFileSync(join(directory, 'connections.json'), '{');
    const { vault } = openVault(directory);
    const [notice] = vault.notices.list();
    vault.notices.dismiss(notice!.id);
    expect(vault.notices.list()).toEqual([]);
  });
});

describe('connection store migrations', () => {
  it('migrates a version-1 file: list to map, ticked ids to a checklist', () => {
    const directory = tempDirectory();
    const { checklist: _, ...base } = storedConnection('Oud');
    writeJson(join(directory, 'connections.json'), {
      connections: [{ ...base, checklist: ['activate.terms', 'roles.client'] }],
    });

    const { vault } = openVault(directory);
    expect(vault.notices.list()).toEqual([]);
    const [migrated] = vault.connections.list();
    expect(migrated?.id).toBe(base.id);
    expect(migrated?.checklist).toEqual({ 'activate.terms': true, 'roles.client': true });
    expect(migrated?.companyNumbers).toEqual(['1001']);

    const file = readJson(join(directory, 'connections.json'));
    expect(Object.keys(file['connections'] as object)).toEqual([base.id]);
    expect(file['__internal__']).toMatchObject({ migrations: { version: '2.0.0' } });
  });

  it('keeps duplicates and broken version-1 entries in a copy, not over others', () => {
    const directory = tempDirectory();
    const first = storedConnection('Eerste');
    const { checklist: _, ...base } = first;
    writeJson(join(directory, 'connections.json'), {
      connections: [
        { ...base, checklist: [] },
        { ...base, name: 'Dubbel', checklist: [] },
        'not an object',
      ],
    });

    const { vault } = openVault(directory);
    expect(vault.connections.list().map((item) => item.name)).toEqual(['Eerste']);
    const [notice] = vault.notices.list();
    expect(notice?.code).toBe('vault.entries-dropped');
    expect(notice?.params['count']).toBe(2);
  });
});
