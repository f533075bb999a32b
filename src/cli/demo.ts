import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateConfig, type LoadedConfig } from '../config/load.js';
import { startDemoUpstream } from '../demo/upstream.js';
import { parseCommandArgs } from './args.js';
import { assembleGateway } from './gateway.js';
import { stopOnSignals } from './serve.js';

const USAGE = `Usage: voile demo [--port 8080] [--host 127.0.0.1] [--data .voile-data]

Starts an embedded FHIR R4 server (medplum's in-memory repository) loaded with a generated cohort,
and the gateway in front of it under the 'demo-research' policy, without authentication (loopback only).`;

export async function demoCommand(argv: string[]): Promise<void> {
  const { values } = parseCommandArgs(argv, { port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' } }, USAGE);
  const port = Number(values.port ?? process.env.VOILE_LISTEN_PORT ?? 8080);
  const host = values.host ?? '127.0.0.1';
  const dataDir = resolve(values.data ?? '.voile-data');
  process.stdout.write('voile demo: generating the cohort and starting the embedded FHIR server…\n');
  const upstream = await startDemoUpstream();
  const loaded: LoadedConfig = {
    baseDir: process.cwd(),
    env: process.env,
    config: validateConfig(
      {
        listen: { host, port },
        publicBaseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
        upstream: { fhir: { url: upstream.url } },
        identity: { domains: { demo: { secret: demoSecret(dataDir) } } },
        store: { sqlite: { path: resolve(dataDir, 'voile.db') } },
        policies: { only: ['demo-research'] },
        auth: { mode: 'none', policy: 'demo-research' },
        logging: { level: 'warn' },
      },
      'demo configuration',
    ),
  };
  const { app } = await assembleGateway(loaded);
  app.addHook('onClose', () => upstream.close());
  await app.listen({ host, port });
  const base = loaded.config.publicBaseUrl!;
  const patients = upstream.cohort.patients.length;
  process.stdout.write(
    [
      '',
      `Voile gateway: ${base}/fhir   (policy demo-research, ${patients} demo patients upstream at ${upstream.url})`,
      '',
      'Try:',
      `  curl -s '${base}/fhir/metadata' | head -c 400`,
      `  curl -s '${base}/fhir/Patient?_count=3'`,
      `  curl -s '${base}/fhir/Observation?category=vital-signs&_count=5'`,
      `  curl -s '${base}/fhir/Patient?name=Martin'          # refused: identity-probing search`,
      `  curl -s '${base}/fhir/Patient/<id from a result>/$everything'`,
      `  curl -s '${base}/metrics' | head`,
      '',
      'Ctrl-C stops it.',
      '',
    ].join('\n'),
  );
  stopOnSignals(() => app.close());
}

/**
 * The demo's identity secret is generated once and kept in the data folder, so pseudonyms and date
 * shifts stay the same across restarts of the demo (as they would in production with a managed key).
 */
function demoSecret(dataDir: string): string {
  const file = resolve(dataDir, 'demo-secret');
  if (process.env.VOILE_SECRET_DEMO) return process.env.VOILE_SECRET_DEMO;
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `base64:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
