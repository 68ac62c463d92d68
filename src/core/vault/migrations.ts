/**
 * Format version 1 of connections.json kept the connections as a list and
 * the checklist as a list of ticked item ids:
 *
 *   { "connections": [{ "id": "…", "name": "…", "checklist": ["activate.terms"], … }] }
 *
 * Version 2 keys the connections by id, so that one entry is replaced without
 * touching the others, and stores the checklist as `{ "<item id>": true }`.
 */
export function migrateConnectionsToV2(stored: unknown): unknown {
  if (!Array.isArray(stored)) {
    // Already keyed by id, or damaged beyond what this step can convert:
    // the entry check decides what is kept.
    return stored;
  }
  const byId: Record<string, unknown> = {};
  stored.forEach((entry: unknown, index) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      byId[`invalid-entry-${index}`] = { value: entry };
      return;
    }
    const record = { ...(entry as Record<string, unknown>) };
    if (Array.isArray(record['checklist'])) {
      record['checklist'] = Object.fromEntries(
        record['checklist']
          .filter((item): item is string => typeof item === 'string')
          .map((item) => [item, true]),
      );
    }
    // An entry without an id, or with the id of an earlier one, is kept
    // under a key that fails the entry check, so it ends up in the copy of
    // the file instead of overwriting another entry.
    const id = typeof record['id'] === 'string' ? record['id'] : '';
    byId[id !== '' && !(id in byId) ? id : `invalid-entry-${index}`] = record;
  });
  return byId;
}
