/**
 * The DICOMweb upstream is the shared upstream client (src/upstream/client.ts). Regressions of the
 * copy it replaced: no retry of a GET whose connection was reset, and no failure reported to
 * metrics. Real HTTP stand-ins for the PACS on port 0.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DicomwebUpstream } from '../../src/dicomweb/upstream.js';
import type { UpstreamErrorKind } from '../../src/upstream/client.js';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    console.warn('Skipping the TLS check: openssl is not installed');
    return false;
  }
})();

let servers: Server[] = [];
afterEach(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
  servers = [];
});

async function pacs(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/dicom-web`;
}

describe('DICOMweb upstream client', () => {
  it('retries a QIDO once when the PACS resets the connection', async () => {
    let calls = 0;
    const url = await pacs((req, res) => {
      calls++;
      if (calls === 1) {
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/dicom+json' });
      res.end('[{"00080060":{"vr":"CS","Value":["CT"]}}]');
    });
    const kinds: UpstreamErrorKind[] = [];
    const upstream = new DicomwebUpstream({ url }, (kind) => kinds.push(kind));
    try {
      expect(await upstream.json('studies')).toHaveLength(1);
      expect(calls).toBe(2);
      expect(kinds).toEqual([]);
    } finally {
      await upstream.close();
    }
  });

  it('reports timeouts, error statuses and bad bodies by kind, and never quotes the PACS', async () => {
    const url = await pacs((req, res) => {
      if (req.url!.includes('slow')) return; // never answers
      if (req.url!.includes('broken')) {
        res.writeHead(200, { 'content-type': 'application/dicom+json' });
        res.end('not json DUPONT');
        return;
      }
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('DUPONT^MARIE is locked');
    });
    const kinds: UpstreamErrorKind[] = [];
    const upstream = new DicomwebUpstream({ url, timeoutMs: 300 }, (kind) => kinds.push(kind));
    try {
      const slow = await upstream.json('slow').catch((e: unknown) => e);
      expect(slow).toMatchObject({ code: 'UPSTREAM_TIMEOUT', status: 504 });
      const unavailable = await upstream.json('studies').catch((e: unknown) => e);
      expect(unavailable).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 503 });
      const broken = await upstream.json('broken').catch((e: unknown) => e);
      expect(broken).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
      for (const err of [slow, unavailable, broken]) expect(JSON.stringify({ m: (err as Error).message, d: (err as { detail?: string }).detail })).not.toContain('DUPONT');
      expect(kinds).toEqual(['timeout', 'status', 'bad-response']);
    } finally {
      await upstream.close();
    }
  });

  it('a 406 is the client\'s Accept, not an upstream failure', async () => {
    const url = await pacs((_req, res) => {
      res.writeHead(406);
      res.end();
    });
    const kinds: UpstreamErrorKind[] = [];
    const upstream = new DicomwebUpstream({ url }, (kind) => kinds.push(kind));
    try {
      await expect(upstream.multipart('studies/1.2.3', 'multipart/related; type="application/dicom"; transfer-syntax=1.2.840.10008.1.2.4.50')).rejects.toMatchObject({ code: 'NOT_ACCEPTABLE', status: 406 });
      expect(kinds).toEqual([]);
    } finally {
      await upstream.close();
    }
  });

  it.runIf(hasOpenssl)('verifies the PACS\'s TLS certificate: a self-signed one is refused unless its CA is configured', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'voile-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
    const cert = readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    const key = readFileSync(path.join(dir, 'key.pem'), 'utf8');
    rmSync(dir, { recursive: true, force: true });
    let hits = 0;
    const server = createTlsServer({ cert, key }, (_req, res) => {
      hits++;
      res.writeHead(200, { 'content-type': 'application/dicom+json' });
      res.end('[]');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    servers.push(server as unknown as Server);
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/dicom-web`;
    const kinds: UpstreamErrorKind[] = [];
    const untrusted = new DicomwebUpstream({ url }, (kind) => kinds.push(kind));
    const trusted = new DicomwebUpstream({ url, ca: cert });
    try {
      await expect(untrusted.json('studies')).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 503 });
      expect(hits).toBe(0);
      expect(kinds).toEqual(['unavailable']);
      expect(await trusted.json('studies')).toEqual([]);
      expect(hits).toBe(1);
    } finally {
      await untrusted.close();
      await trusted.close();
    }
  });
});
