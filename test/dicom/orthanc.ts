import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../helpers/ports.js';

/** The Debian `orthanc` binary and the `orthanc-dicomweb` plugin (what .ci/run installs). */
export const ORTHANC_BIN = '/usr/sbin/Orthanc';
const PLUGIN_CANDIDATES = ['/usr/share/orthanc/plugins/libOrthancDicomWeb.so', '/usr/lib/orthanc/libOrthancDicomWeb.so'];

export function orthancAvailable(): boolean {
  return existsSync(ORTHANC_BIN) && PLUGIN_CANDIDATES.some((p) => existsSync(p));
}

export interface RunningOrthanc {
  readonly url: string;
  readonly dicomweb: string;
  stop(): Promise<void>;
}

/**
 * Starts a private Orthanc on a free loopback port with a temporary storage folder: no DICOM
 * listener, no remote access, DICOMweb at /dicom-web. Stopped (and its folder removed) by `stop`.
 */
export async function startOrthanc(): Promise<RunningOrthanc> {
  const dir = mkdtempSync(path.join(tmpdir(), 'voile-orthanc-'));
  const port = await freePort();
  const config = {
    Name: 'voile-test',
    HttpPort: port,
    DicomServerEnabled: false,
    RemoteAccessAllowed: false,
    AuthenticationEnabled: false,
    HttpDescribeErrors: false,
    StorageDirectory: path.join(dir, 'storage'),
    IndexDirectory: path.join(dir, 'storage'),
    Plugins: [PLUGIN_CANDIDATES.find((p) => existsSync(p))],
    DicomWeb: { Enable: true, Root: '/dicom-web/', EnableWado: false, StudiesMetadata: 'Full', SeriesMetadata: 'Full' },
    ConcurrentJobs: 1,
    HttpThreadsCount: 8,
  };
  const configFile = path.join(dir, 'orthanc.json');
  writeFileSync(configFile, JSON.stringify(config));
  const child: ChildProcess = spawn(ORTHANC_BIN, [configFile], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('Orthanc exited during start-up');
    try {
      const res = await fetch(`${url}/system`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('Orthanc did not start in 30 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    dicomweb: `${url}/dicom-web`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** STOW-RS: stores Part-10 instances through Orthanc's DICOMweb plugin. */
export async function stow(dicomweb: string, instances: readonly Buffer[]): Promise<void> {
  const boundary = 'voile-stow-boundary';
  const parts: Buffer[] = [];
  for (const instance of instances) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), instance, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const res = await fetch(`${dicomweb}/studies`, {
    method: 'POST',
    headers: { 'content-type': `multipart/related; type="application/dicom"; boundary=${boundary}`, accept: 'application/dicom+json' },
    body: Buffer.concat(parts),
  });
  if (!res.ok) throw new Error(`STOW-RS failed with status ${res.status}`);
  await res.arrayBuffer();
}

export { freePort };
