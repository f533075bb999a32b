import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const appModule = new URL('../../src/server/app.ts', import.meta.url).href;

/**
 * A gateway with the default log destination (standard output, written in blocks) that answers one
 * request and then stays up: its request line must still reach standard output, by the periodic
 * flush, without the process exiting.
 */
const script = `
  const { buildGateway } = await import(${JSON.stringify(appModule)});
  const app = await buildGateway({
    upstream: { fhir: { url: 'http://127.0.0.1:9/fhir' } },
    authenticate: async () => { throw new Error('unused'); },
    logger: { level: 'info' },
  });
  await app.inject({ method: 'GET', url: '/fhir/Patient/x' });
  setInterval(() => {}, 1000); // stay up until killed
`;

describe('request logs', () => {
  it('reach standard output while the gateway keeps running (blocks are flushed periodically)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no request line within 10 s; got: ${out.slice(0, 200)}`)), 10_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          const found = out.split('\n').find((l) => l.includes('"msg":"request"'));
          if (found) {
            clearTimeout(timer);
            resolve(found);
          }
        });
        child.once('exit', (code) => reject(new Error(`gateway exited early (${code})`)));
      });
      expect(JSON.parse(line)).toMatchObject({ method: 'GET', route: '/fhir/:type/:id', msg: 'request' });
      expect(line).not.toContain('/fhir/Patient/x');
    } finally {
      child.kill('SIGKILL');
    }
  });
});
