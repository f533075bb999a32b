import { connect } from 'node:net';

/** A raw HTTP/1.1 exchange: the bytes go out exactly as written (no client-side normalisation). */
export function rawRequest(url: string, bytes: string | Buffer, timeoutMs = 5000): Promise<{ status: number; head: string; body: string; raw: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('raw request timed out'));
    }, timeoutMs);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (err) => {
      clearTimeout(timer);
      if (chunks.length > 0) finish();
      else reject(err);
    });
    socket.on('end', finish);
    socket.on('close', finish);
    let done = false;
    function finish() {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const raw = Buffer.concat(chunks).toString('latin1');
      const split = raw.indexOf('\r\n\r\n');
      const head = split === -1 ? raw : raw.slice(0, split);
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(raw)?.[1] ?? 0);
      resolve({ status, head, body: split === -1 ? '' : raw.slice(split + 4), raw });
    }
  });
}

/** A GET with `Connection: close`, the path sent verbatim. */
export function rawGet(url: string, path: string, headers: Record<string, string> = {}) {
  const lines = [`GET ${path} HTTP/1.1`, `Host: ${new URL(url).host}`, 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return rawRequest(url, `${lines.join('\r\n')}\r\n\r\n`);
}
