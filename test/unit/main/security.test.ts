import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
  isAllowedExternalUrl,
} from '../../../src/main/security.ts';
import { serveRendererFile } from '../../../src/main/app-protocol.ts';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function directives(): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of CONTENT_SECURITY_POLICY.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    map.set(name!, values.join(' '));
  }
  return map;
}

describe('content security policy', () => {
  it.each([
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['connect-src', "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ])('sets %s to %s', (name, value) => {
    expect(directives().get(name)).toBe(value);
  });

  it('allows no inline or evaluated script anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|\*/);
  });

  it('uses no colon after directive names', () => {
    for (const name of directives().keys()) {
      expect(name).toMatch(/^[a-z-]+$/);
    }
  });

  it('is sent with every served file, also on 404', async () => {
    const root = mkdtempSync(join(tmpdir(), 'renderer-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    const found = await serveRendererFile(root, '/index.html');
    const missing = await serveRendererFile(root, '/missing.js');
    expect(found.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(missing.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(found.headers['X-Content-Type-Options']).toBe(
      SECURITY_HEADERS['X-Content-Type-Options'],
    );
  });
});

describe('renderer file server', () => {
  const root = mkdtempSync(join(tmpdir(), 'renderer-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'outside-secret.txt'), 'secret');

  it('serves index.html for the root path', async () => {
    const file = await serveRendererFile(root, '/');
    expect(file.status).toBe(200);
    expect(file.headers['Content-Type']).toContain('text/html');
  });

  it('serves assets with their content type', async () => {
    const file = await serveRendererFile(root, '/assets/app.js');
    expect(file.status).toBe(200);
    expect(file.headers['Content-Type']).toContain('text/javascript');
  });

  it.each([
    '/../outside-secret.txt',
    '/assets/../../outside-secret.txt',
    '/%2e%2e/outside-secret.txt',
    '/..%2foutside-secret.txt',
    '/%00index.html',
    '/%E0%A4%A',
  ])('refuses path %s', async (path) => {
    const file = await serveRendererFile(root, path);
    expect(file.status).toBe(404);
  });
});

describe('external link allowlist', () => {
  it.each([
    'https://apihrafdeling.cobra.sdworx.com/Home/Authentication',
    'https://www.nn.nl/',
    'https://www.sdworx.nl/nl-nl/contact',
    'https://age-encryption.org/',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://www.nn.nl/',
    'https://nn.nl.evil.example/',
    'https://evilnn.nl/',
    'https://www.nn.nl:8443/',
    'https://a:b@www.nn.nl/',
    'mailto:spa.inkomen@nn.nl',
    'not a url',
    'app://koppelhulp/index.html',
  ])('rejects %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
