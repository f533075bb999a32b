import type { FastifyInstance } from 'fastify';

/**
 * Closing the gateway must not wait for a response that was in flight when the close began.
 *
 * Node's `server.close()` (called by `fastify.close()`) drops idle connections only: a connection
 * whose response is still being produced (a FHIR read waiting on the upstream, a WADO-RS stream, a
 * Bulk file streamed from disk) is skipped. When that response then ends, Node keeps the connection
 * alive as usual, and the close waits fastify's keep-alive timeout (72 s) for it to go idle.
 *
 * fastify offers nothing that covers this: `return503OnClosing` (and its `Connection: close`) only
 * concerns requests that arrive once the close has begun; `forceCloseConnections: 'idle'` (the
 * default) is Node's own idle-only drop; `forceCloseConnections: true` destroys every connection,
 * cutting in-flight responses short. So: once the close begins, a response that ends, whole, ends
 * its connection too. Registered on the root instance, so it applies to every route of every
 * plugin, hijacked replies included (fastify runs onResponse on the raw response's 'finish').
 */
export function endConnectionsOfResponsesFinishingWhileClosing(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // A callback hook, not an async one: it runs on every response of the gateway's hot path, where a
  // promise per request is a cost for nothing until the close begins.
  app.addHook('onResponse', (request, _reply, done) => {
    if (closing) {
      const socket = request.raw.socket;
      // After the response's last byte: end (FIN once written), then release the socket.
      if (!socket.destroyed) socket.end(() => socket.destroy());
    }
    done();
  });
}
