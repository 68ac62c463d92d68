/**
 * The diagnostics archive a user sends to support: log files, app and OS
 * versions, settings, the connections and their last verification reports,
 * each run through the redaction step before it is zipped. Stored secrets
 * are never read for it.
 */
import { openSync, readSync, closeSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { redactText, redactValue, type SecretRegistry } from './log/redact.ts';

/** Largest part of one log file that goes into the archive; older lines are cut. */
export const MAX_LOG_BYTES = 4 * 1024 * 1024;

export interface DiagnosticsInput {
  /** App, runtime and OS versions. */
  about: Record<string, unknown>;
  settings: unknown;
  /** Folder of the log files; every `*.log` file in it is included. */
  logDirectory: string;
  /** The connections without their reports; they hold no secret, only ids and URLs. */
  connections: unknown[];
  /** Last verification report per connection id. */
  reports: { connectionId: string; report: unknown }[];
  secrets: SecretRegistry;
  /** The user's home folder, replaced by `~` so paths do not carry the user name. */
  homeDirectory: string;
  now: Date;
}

export interface DiagnosticsArchive {
  bytes: Uint8Array;
  /** Entry names, in archive order. */
  entries: string[];
}

/** Builds the redacted diagnostics zip in memory. */
export function buildDiagnosticsArchive(input: DiagnosticsInput): DiagnosticsArchive {
  const files: Zippable = {};
  const scrub = (text: string): string => hideHome(redactText(text, input.secrets), input);
  const json = (value: unknown): Uint8Array =>
    strToU8(scrub(`${JSON.stringify(redactValue(value, input.secrets), null, 2)}\n`));

  files['about.json'] = json({ ...input.about, exportedAt: input.now.toISOString() });
  files['settings.json'] = json(input.settings);
  files['connections.json'] = json(input.connections);
  for (const file of listLogFiles(input.logDirectory)) {
    const text = readTail(join(input.logDirectory, file), MAX_LOG_BYTES);
    files[`logs/${file}`] = strToU8(scrub(text));
  }
  for (const { connectionId, report } of input.reports) {
    files[`reports/${safeEntryName(connectionId)}.json`] = json(report);
  }

  // mtime is fixed to the export time so the archive does not reveal file dates.
  const bytes = zipSync(files, { level: 6, mtime: input.now });
  return { bytes, entries: Object.keys(files) };
}

/** Lists the `*.log` files of a folder, sorted; an absent folder has none. */
export function listLogFiles(directory: string): string[] {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.log') && statSync(join(directory, name)).isFile())
    .sort();
}

/**
 * Reads the last `maxBytes` of a file. A cut at the start may split a line
 * or a UTF-8 character, so the text then starts after the first newline.
 */
export function readTail(path: string, maxBytes: number): string {
  const size = statSync(path).size;
  const start = Math.max(0, size - maxBytes);
  const buffer = Buffer.alloc(size - start);
  const fd = openSync(path, 'r');
  try {
    let offset = 0;
    while (offset < buffer.length) {
      const read = readSync(fd, buffer, offset, buffer.length - offset, start + offset);
      if (read === 0) {
        break;
      }
      offset += read;
    }
  } finally {
    closeSync(fd);
  }
  const text = buffer.toString('utf8');
  if (start === 0) {
    return text;
  }
  const newline = text.indexOf('\n');
  return `[earlier lines cut]\n${newline === -1 ? '' : text.slice(newline + 1)}`;
}

function hideHome(text: string, input: DiagnosticsInput): string {
  const home = input.homeDirectory;
  if (home.length < 2) {
    return text;
  }
  // JSON escapes the backslashes of a Windows path, so replace that form too.
  const escaped = JSON.stringify(home).slice(1, -1);
  return text.split(home).join('~').split(escaped).join('~');
}

/** Keeps an id usable as a file name inside the zip: no folders, no odd characters. */
function safeEntryName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'connection';
}

/** File name offered in the save dialog, with the export time in UTC. */
export function diagnosticsFileName(now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `cobra-koppelhulp-diagnostics-${stamp}.zip`;
}
