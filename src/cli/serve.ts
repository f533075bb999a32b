import { loadConfigFile } from '../config/load.js';
import { parseCommandArgs, required } from './args.js';
import { assembleGateway } from './gateway.js';

const USAGE = `Usage: voile serve --config voile.yaml

Starts the gateway in front of the upstreams of the configuration (see voile.example.yaml).`;

export async function serveCommand(argv: string[]): Promise<void> {
  const { values } = parseCommandArgs(argv, { config: { type: 'string' } }, USAGE);
  const loaded = loadConfigFile(required(values.config, '--config', USAGE));
  const { app } = await assembleGateway(loaded);
  const listen = loaded.config.listen ?? {};
  await app.listen({ host: listen.host ?? '127.0.0.1', port: listen.port ?? 8080 });
  stopOnSignals(() => app.close());
}

/** Graceful shutdown: stop accepting, finish in-flight requests (503 to new ones), close stores. */
export function stopOnSignals(close: () => Promise<unknown>): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
