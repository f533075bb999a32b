/**
 * `npm run bench:dicom`: header de-identification throughput of Voile's engine vs dcmjs's anonymizer
 * on small (~40 KB) and large (~2 MB) instances, and WADO-RS retrieval through the gateway vs a plain
 * pass-through proxy in front of the same Orthanc (when installed), measured in the same run.
 * Writes bench/results/dicom.md.
 */
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'undici';
import { createDicomDeidentifier, readPart10, writePart10, Tags } from '../../src/anonymize/dicom/index.js';
import { inject, makeIdentity, str } from '../../test/dicom/helpers.js';
import { injectedFile } from '../../test/dicom/injected.js';
import { orthancAvailable, startOrthanc, stow } from '../../test/dicom/orthanc.js';
import { startGateway, testPolicy } from '../../test/dicom/gateway.js';

const require = createRequire(import.meta.url);
const dcmjs = require('dcmjs') as {
  data: { DicomMessage: { readFile(buffer: ArrayBuffer): { dict: Record<string, unknown>; write(): ArrayBuffer } } };
  anonymizer: { cleanTags(dict: Record<string, unknown>): void };
  log: { setLevel(level: string): void };
};
dcmjs.log.setLevel('error');

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

function small(): Buffer {
  return injectedFile('CT_small.dcm');
}

/** CT_small with a 1024×1024 16-bit pixel matrix: ~2 MB. */
function large(): Buffer {
  const parsed = readPart10(small());
  const pixels = Buffer.alloc(1024 * 1024 * 2);
  for (let i = 0; i < pixels.length; i += 2) pixels.writeUInt16LE(i % 4096, i);
  const us = (n: number) => Buffer.from(Uint16Array.of(n).buffer);
  const dataset = parsed.dataset
    .filter((el) => ![0x00280010, 0x00280011, Tags.PixelData].includes(el.tag))
    .concat([
      { tag: 0x00280010, vr: 'US', value: us(1024) },
      { tag: 0x00280011, vr: 'US', value: us(1024) },
      { tag: Tags.PixelData, vr: 'OW', value: pixels },
    ])
    .sort((a, b) => a.tag - b.tag);
  return Buffer.concat(writePart10(parsed.meta, dataset, parsed.transferSyntaxUid).chunks);
}

/**
 * Runs `a` and `b` alternately (A, B, A, B…) for the time budget and returns each one's rate over
 * its own accumulated time, so that load from other processes, which drifts over seconds, weighs on
 * both sides alike instead of on whichever ran while the machine was busy.
 */
async function measurePair(a: () => Promise<void> | void, b: () => Promise<void> | void): Promise<[number, number]> {
  for (let i = 0; i < 3; i++) {
    await a();
    await b();
  }
  const time = [0, 0];
  const count = [0, 0];
  const end = process.hrtime.bigint() + BigInt(SECONDS * 2 * 1e9);
  while (process.hrtime.bigint() < end) {
    for (const [i, run] of [a, b].entries()) {
      const t0 = process.hrtime.bigint();
      await run();
      time[i]! += Number(process.hrtime.bigint() - t0) / 1e9;
      count[i]!++;
    }
  }
  return [count[0]! / time[0]!, count[1]! / time[1]!];
}

const lines: string[] = [];
function row(...cells: (string | number)[]): void {
  const line = `| ${cells.join(' | ')} |`;
  lines.push(line);
  console.log(line);
}
const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

async function engine(): Promise<void> {
  lines.push('## Batch engine (header de-identification, read + de-identify + write, one core)', '');
  row('input', 'engine', 'instances/s', 'MB/s', 'ratio vs dcmjs');
  row('---', '---', '---', '---', '---');
  const identity = makeIdentity();
  const voile = createDicomDeidentifier({ options: ['retainLongitudinalModifiedDates'] }, { identity });
  for (const [label, bytes] of [['small', small()], ['large', large()]] as const) {
    const mb = bytes.length / 1e6;
    const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const [ours, theirs] = await measurePair(
      async () => {
        const out = await voile.part10(bytes);
        // Materialise the output as the batch tool does.
        Buffer.concat(out.chunks as Uint8Array[]);
      },
      () => {
        const message = dcmjs.data.DicomMessage.readFile(arrayBuffer);
        dcmjs.anonymizer.cleanTags(message.dict);
        message.write();
      },
    );
    row(`${label} (${(bytes.length / 1024).toFixed(0)} KB)`, 'Voile', fmt(ours), fmt(ours * mb), `${(ours / theirs).toFixed(1)}×`);
    row(`${label} (${(bytes.length / 1024).toFixed(0)} KB)`, 'dcmjs 0.35 anonymizer (top-level tags only, no UIDs)', fmt(theirs), fmt(theirs * mb), '1.0×');
  }
  lines.push('');
}

/** A plain proxy: the same upstream bytes, piped, no de-identification. */
async function passThrough(upstreamOrigin: string): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new Pool(upstreamOrigin, { connections: 16 });
  const server = createServer(async (req, res) => {
    try {
      const up = await pool.request({ method: 'GET', path: (req.url ?? '/').replace(/^\/dicomweb/, '/dicom-web'), headers: { accept: req.headers.accept ?? '*/*' } });
      res.writeHead(up.statusCode, { 'content-type': String(up.headers['content-type'] ?? 'application/octet-stream') });
      for await (const chunk of up.body) if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
      res.end();
    } catch {
      res.destroy();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/dicomweb`,
    close: async () => {
      await new Promise((r) => server.close(r));
      await pool.close();
    },
  };
}

async function gateway(): Promise<void> {
  lines.push('## Through the gateway (WADO-RS study retrieval from Orthanc 1.10, one client)', '');
  if (!orthancAvailable()) {
    lines.push('Skipped: Orthanc is not installed (apt-get install orthanc orthanc-dicomweb).', '');
    console.log('Orthanc not installed: gateway benchmark skipped');
    return;
  }
  const orthanc = await startOrthanc();
  const identity = makeIdentity();
  const gw = await startGateway(orthanc.dicomweb, testPolicy(identity, { options: ['retainLongitudinalModifiedDates'] }));
  const plain = await passThrough(orthanc.url);
  const client = new Pool(new URL(gw.url).origin, { connections: 4 });
  try {
    row('study', 'path', 'instances/s', 'MB/s', 'ratio gateway / pass-through', 'peak RSS');
    row('---', '---', '---', '---', '---', '---');
    for (const [label, base, count] of [['small', small(), 40], ['large', large(), 20]] as const) {
      const studyUid = `1.2.826.0.1.3680043.8.498.9${label === 'small' ? 1 : 2}`;
      const instances = Array.from({ length: count }, (_, i) =>
        inject(base, str(Tags.StudyInstanceUID, 'UI', studyUid), str(Tags.SeriesInstanceUID, 'UI', `${studyUid}.1`), str(Tags.SOPInstanceUID, 'UI', `${studyUid}.1.${i + 1}`)),
      );
      for (let i = 0; i < instances.length; i += 5) await stow(orthanc.dicomweb, instances.slice(i, i + 5));
      const studyBytes = instances.reduce((n, b) => n + b.length, 0);
      const remapped = identity.remapUid(studyUid);
      await identity.flush();
      const fetchStudy = async (url: string) => {
        const u = new URL(url);
        const res = await client.request({ method: 'GET', origin: u.origin, path: u.pathname, headers: { accept: 'multipart/related; type="application/dicom"; transfer-syntax=*' } });
        if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`);
        for await (const _ of res.body) void _;
      };
      const gwPool = new Pool(new URL(plain.url).origin, { connections: 4 });
      const fetchPlain = async () => {
        const res = await gwPool.request({ method: 'GET', path: `/dicomweb/studies/${studyUid}`, headers: { accept: 'multipart/related; type="application/dicom"; transfer-syntax=*' } });
        if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`);
        for await (const _ of res.body) void _;
      };
      let peak = 0;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const [through, direct] = await measurePair(() => fetchStudy(`${gw.url}/studies/${remapped}`), fetchPlain);
      clearInterval(sampler);
      await gwPool.close();
      const mb = studyBytes / 1e6;
      row(`${label}: ${count} × ${(base.length / 1024).toFixed(0)} KB`, 'gateway (de-identified)', fmt(through * count), fmt(through * mb), `${(through / direct).toFixed(2)}`, `${(peak / 1e6).toFixed(0)} MB (both)`);
      row(`${label}: ${count} × ${(base.length / 1024).toFixed(0)} KB`, 'plain pass-through proxy', fmt(direct * count), fmt(direct * mb), '1.00', '');
    }
  } finally {
    await client.close();
    await plain.close();
    await gw.app.close();
    await orthanc.stop();
  }
  lines.push('', 'Gateway, pass-through proxy, Orthanc and the client share the same machine. Peak RSS is the whole bench process (gateway, proxy, client and the test instances held in memory).', '');
}

async function main(): Promise<void> {
  lines.push('# DICOM benchmark', '', `${new Date().toISOString()} — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average ${os.loadavg()[0]!.toFixed(1)}; the two sides of each comparison run alternately for ${SECONDS * 2} s.`, '');
  await engine();
  await gateway();
  const out = path.resolve(process.cwd(), 'bench/results/dicom.md');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.log(`written ${path.relative(process.cwd(), out)}`);
}

await main();
