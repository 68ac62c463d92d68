import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProfilesHandlers } from '../../../src/main/handlers/profiles.ts';
import { AppFailure } from '../../../src/shared/result.ts';
import { createTestServices } from '../../support/services.ts';

const context = { senderUrl: 'app://koppelhulp/index.html' };
const learned = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'profiles', 'learned.json'), 'utf8'),
) as Record<string, unknown>;

describe('profiles handlers', () => {
  it('lists the built-in profiles', async () => {
    const { services } = createTestServices();
    const list = await createProfilesHandlers(services).list(undefined, context);
    expect(list.map((entry) => entry.profile.id)).toEqual(['xpertsuite-loongegevens', 'learned']);
  });

  it('imports the file picked in the open dialog', async () => {
    const test = createTestServices();
    const file = join(test.userDataDir, 'acme.json');
    writeFileSync(file, JSON.stringify({ ...learned, id: 'acme' }));
    test.dialogAnswers.open.push([file]);
    const handlers = createProfilesHandlers(test.services);

    const entry = await handlers.import(undefined, context);

    expect(entry).toMatchObject({ origin: 'imported', profile: { id: 'acme' } });
    const list = await handlers.list(undefined, context);
    expect(list.map((item) => item.profile.id)).toContain('acme');
  });

  it('returns null when the dialog is cancelled', async () => {
    const { services } = createTestServices();
    expect(await createProfilesHandlers(services).import(undefined, context)).toBeNull();
  });

  it('rejects an invalid file naming the field', async () => {
    const test = createTestServices();
    const file = join(test.userDataDir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...learned, id: 'acme', scope: '' }));
    test.dialogAnswers.open.push([file]);
    const result = createProfilesHandlers(test.services).import(undefined, context);
    await expect(result).rejects.toBeInstanceOf(AppFailure);
    await expect(result).rejects.toMatchObject({ code: 'profiles.invalid', field: 'scope' });
  });

  it('fails with profiles.not-found for an unknown id', () => {
    const { services } = createTestServices();
    expect(() => createProfilesHandlers(services).get({ id: 'nope' }, context)).toThrow(
      expect.objectContaining({ code: 'profiles.not-found' }),
    );
  });
});
