import { z } from 'zod';
import type { Connection, VaultNotice } from '../connection.ts';
import { invoke } from './define.ts';

const connectionId = z.uuid();

const connectionName = z.string().trim().min(1).max(100);

/** The profile id format of profiles/*.json. */
const profileId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'must be lowercase letters, digits and dashes');

const isoDate = z.iso.date();

/** A company number as Cobra shows it: letters, digits, dots and dashes. */
export const companyNumberSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'must be letters, digits, dots or dashes');

/** Checklist item ids, such as "activate.terms". */
export const checklistItemIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]{0,63}$/, 'must be lowercase letters, digits, dots and dashes');

/**
 * The fields of a connection the renderer may change. Every field is
 * optional; a field left out keeps its stored value. The last verification
 * report is not here: only the verification in main writes it.
 */
export const connectionPatchSchema = z
  .object({
    name: connectionName.optional(),
    profileId: profileId.optional(),
    environmentUrl: z.string().trim().max(2048).optional(),
    clientId: z.string().trim().max(200).optional(),
    clientDisplayName: z.string().trim().max(100).optional(),
    validFrom: isoDate.nullable().optional(),
    validUntil: isoDate.nullable().optional(),
    companyNumbers: z.array(companyNumberSchema).max(1000).optional(),
  })
  .strict();

export type ConnectionPatch = z.output<typeof connectionPatchSchema>;

export const createConnectionSchema = z.object({ name: connectionName, profileId }).strict();

export interface ConnectionList {
  connections: Connection[];
  /** Problems found while loading the stores, until the user dismisses them. */
  notices: VaultNotice[];
}

export const connectionsContract = {
  list: invoke<ConnectionList>()('connections:list', z.undefined()),
  get: invoke<Connection>()('connections:get', z.object({ id: connectionId }).strict()),
  create: invoke<Connection>()('connections:create', createConnectionSchema),
  update: invoke<Connection>()(
    'connections:update',
    z.object({ id: connectionId, patch: connectionPatchSchema }).strict(),
  ),
  rename: invoke<Connection>()(
    'connections:rename',
    z.object({ id: connectionId, name: connectionName }).strict(),
  ),
  /** Deletes the connection and its secret; the renderer lets the user confirm first. */
  delete: invoke<void>()('connections:delete', z.object({ id: connectionId }).strict()),
  setChecklistItem: invoke<Connection>()(
    'connections:set-checklist-item',
    z.object({ id: connectionId, itemId: checklistItemIdSchema, done: z.boolean() }).strict(),
  ),
  dismissNotice: invoke<void>()(
    'connections:dismiss-notice',
    z.object({ noticeId: z.string().min(1).max(100) }).strict(),
  ),
};
