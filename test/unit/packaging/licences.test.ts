import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectLicences, licenceOf, writeLicences } from '../../../scripts/licences.ts';
import { TYPE_ONLY_PACKAGES } from '../../../scripts/type-only-packages.ts';
import { isLicenceList } from '../../../src/shared/licences.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean; link?: boolean }>;
};
const list = collectLicences(root);

describe('licence list', () => {
  it('has the shape the renderer checks', () => {
    expect(isLicenceList(list)).toBe(true);
  });

  it.each([
    ['another format', { format: 'other' }],
    [
      'a text id without text',
      { packages: [{ name: 'a', version: '1', licence: 'MIT', textId: 'x' }] },
    ],
    ['an empty licence', { packages: [{ name: 'a', version: '1', licence: '', textId: null }] }],
  ])('rejects a list with %s', (_name, change) => {
    expect(isLicenceList({ ...list, ...change })).toBe(false);
  });

  it.each(Object.keys(packageJson.dependencies))('lists the dependency %s', (name) => {
    const entry = list.packages.find((item) => item.name === name);
    expect(entry).toBeDefined();
    expect(entry!.licence).not.toBe('');
  });

  it('lists every production package of the lockfile with its version', () => {
    const typeOnly = new Set<string>(TYPE_ONLY_PACKAGES);
    const production = Object.entries(lock.packages).filter(
      ([path, entry]) =>
        path !== '' &&
        entry.dev !== true &&
        entry.link !== true &&
        !typeOnly.has(path.replace(/^.*node_modules\//, '')),
    );
    expect(production.length).toBeGreaterThan(0);
    for (const [path, entry] of production) {
      const name = path.replace(/^.*node_modules\//, '');
      const listed = list.packages.some(
        (item) => item.name === name && item.version === entry.version,
      );
      expect(listed, `${name}@${entry.version}`).toBe(true);
    }
  });

  it('includes Electron, which ships inside every package', () => {
    const electron = list.packages.find((item) => item.name === 'electron');
    expect(electron?.licence).toBe('MIT');
  });

  it.each(TYPE_ONLY_PACKAGES)('leaves out the type-only package %s', (name) => {
    expect(list.packages.map((item) => item.name)).not.toContain(name);
  });

  it('leaves out development tools', () => {
    const names = list.packages.map((item) => item.name);
    for (const tool of ['vitest', 'eslint', 'electron-builder', 'prettier']) {
      expect(names).not.toContain(tool);
    }
  });

  it('stores the licence text a package ships', () => {
    const react = list.packages.find((item) => item.name === 'react')!;
    expect(react.licence).toBe('MIT');
    expect(list.texts[react.textId!]).toContain('Permission is hereby granted');
  });

  it('stores each distinct text once', () => {
    const texts = Object.values(list.texts);
    expect(new Set(texts).size).toBe(texts.length);
    const referenced = new Set(list.packages.map((item) => item.textId).filter(Boolean));
    expect(referenced.size).toBe(texts.length);
  });
});

describe('licenceOf', () => {
  it.each([
    [{ license: 'MIT' }, 'MIT'],
    [{ license: ' (MIT OR CC0-1.0) ' }, '(MIT OR CC0-1.0)'],
    [{ license: { type: 'BSD-2-Clause' } }, 'BSD-2-Clause'],
    [{ licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] }, 'MIT OR Apache-2.0'],
    [{}, null],
    [{ license: '' }, null],
  ])('reads %j as %s', (manifest, expected) => {
    expect(licenceOf(manifest)).toBe(expected);
  });
});

describe('collectLicences on a small project', () => {
  function project(packages: Record<string, Record<string, unknown>>, files: string[] = []) {
    const dir = mkdtempSync(join(tmpdir(), 'koppelhulp-licences-'));
    const entries: Record<string, unknown> = { '': { name: 'app' } };
    for (const [name, manifest] of Object.entries(packages)) {
      const folder = join(dir, 'node_modules', name);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'package.json'), JSON.stringify({ name, ...manifest }));
      entries[`node_modules/${name}`] = { version: manifest['version'], dev: manifest['dev'] };
    }
    for (const file of files) {
      writeFileSync(join(dir, 'node_modules', file), 'Licence text\n');
    }
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ packages: entries }));
    return dir;
  }

  it('rejects a production package without a licence', () => {
    const dir = project({ good: { version: '1.0.0', license: 'MIT' }, bad: { version: '2.0.0' } });
    expect(() => collectLicences(dir)).toThrow(/No licence declared in package\.json of: bad/);
  });

  it('ignores dev packages and missing optional ones', () => {
    const dir = project({
      app: { version: '1.0.0', license: 'ISC' },
      tool: { version: '1.0.0', dev: true },
    });
    const lockPath = join(dir, 'package-lock.json');
    const withOptional = JSON.parse(readFileSync(lockPath, 'utf8')) as {
      packages: Record<string, unknown>;
    };
    withOptional.packages['node_modules/other-platform'] = { version: '1.0.0', optional: true };
    writeFileSync(lockPath, JSON.stringify(withOptional));
    expect(collectLicences(dir).packages.map((item) => item.name)).toEqual(['app']);
  });

  it('joins several licence files and notes a missing one', () => {
    const dir = project(
      {
        dual: { version: '1.0.0', license: 'MIT OR CC0-1.0' },
        bare: { version: '1.0.0', license: 'MIT' },
      },
      ['dual/license-mit', 'dual/license-cc0'],
    );
    const result = collectLicences(dir);
    const dual = result.packages.find((item) => item.name === 'dual')!;
    expect(result.texts[dual.textId!]).toBe('Licence text\n\nLicence text');
    expect(result.packages.find((item) => item.name === 'bare')!.textId).toBeNull();
  });

  it('writes the list as JSON', () => {
    const dir = project({ app: { version: '1.0.0', license: 'ISC' } });
    const output = join(dir, 'out', 'licences.json');
    writeLicences(dir, output);
    const written: unknown = JSON.parse(readFileSync(output, 'utf8'));
    expect(isLicenceList(written)).toBe(true);
    expect((written as { packages: unknown }).packages).toEqual([
      { name: 'app', version: '1.0.0', licence: 'ISC', textId: null },
    ]);
  });
});
