import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { domainSecret, loadConfigFile } from '../../src/config/load.js';
import { VoileError } from '../../src/errors.js';

function writeTemp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'voile-config-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('configuration file', () => {
  it('loads the shipped example', () => {
    const { config } = loadConfigFile('voile.example.yaml', {});
    expect(config.upstream.fhir?.url).toBe('https://fhir.chu.example/fhir');
    expect(Object.keys(config.identity.domains)).toContain('research');
  });

  it('stops with the path and reason of every error', () => {
    const path = writeTemp(
      'bad.yaml',
      ['listen: { port: 99999, colour: blue }', 'upstream: { fhir: { url: "ftp://x" } }', 'identity: { domains: {} }', 'logging: { level: loud }'].join('\n'),
    );
    let error: unknown;
    try {
      loadConfigFile(path, {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(VoileError);
    const message = (error as VoileError).message;
    expect((error as VoileError).code).toBe('CONFIG_INVALID');
    expect(message).toContain('/listen/port');
    expect(message).toContain("'colour'");
    expect(message).toContain('/upstream/fhir/url');
    expect(message).toContain('/identity/domains');
    expect(message).toContain('/logging/level');
  });

  it('reports a YAML syntax error with the file name', () => {
    const path = writeTemp('broken.yaml', 'upstream: [unclosed\n');
    expect(() => loadConfigFile(path, {})).toThrow(/broken\.yaml is not valid YAML/);
  });

  it('lets environment variables override upstream, listen address and public URL', () => {
    const { config } = loadConfigFile('voile.example.yaml', {
      VOILE_UPSTREAM_FHIR_URL: 'http://127.0.0.1:9999/fhir',
      VOILE_LISTEN_PORT: '7000',
      VOILE_LISTEN_HOST: '127.0.0.1',
      VOILE_PUBLIC_BASE_URL: 'http://localhost:7000',
    });
    expect(config.upstream.fhir?.url).toBe('http://127.0.0.1:9999/fhir');
    expect(config.listen).toEqual({ host: '127.0.0.1', port: 7000 });
    expect(config.publicBaseUrl).toBe('http://localhost:7000');
  });

  it('rejects an override that makes the file invalid', () => {
    expect(() => loadConfigFile('voile.example.yaml', { VOILE_LISTEN_PORT: 'eighty' })).toThrow(/\/listen\/port/);
  });
});

describe('identity domain secrets', () => {
  const { config, baseDir } = loadConfigFile('voile.example.yaml', {});
  const strong = 'base64:' + Buffer.alloc(32, 3).toString('base64');

  it('come from VOILE_SECRET_<DOMAIN> first, then the configured variable', () => {
    expect(domainSecret(config, 'research', baseDir, { VOILE_SECRET_RESEARCH: strong })).toEqual(Buffer.alloc(32, 3));
  });

  it('are required and must be long enough, and the error names no secret value', () => {
    expect(() => domainSecret(config, 'research', baseDir, {})).toThrow(/VOILE_SECRET_RESEARCH/);
    try {
      domainSecret(config, 'research', baseDir, { VOILE_SECRET_RESEARCH: 'short-secret' });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(/shorter than 32 bytes/);
      expect((e as Error).message).not.toContain('short-secret');
    }
  });

  it('can be read from a file', () => {
    const file = writeTemp('secret', `${'k'.repeat(40)}\n`);
    const cfg = { ...config, identity: { domains: { x: { secretFile: file } } } };
    expect(domainSecret(cfg, 'x', baseDir, {}).toString()).toBe('k'.repeat(40));
  });
});
