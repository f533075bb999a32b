import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';

/**
 * One NDJSON output file written line by line with back-pressure: when the stream's buffer is
 * full (`write()` returns false) the writer waits for `drain`, so a fast upstream never piles
 * resources up in memory, however large the export.
 */
export class NdjsonFile {
  readonly path: string;
  #lines = 0;
  readonly #stream: WriteStream;
  #failure: Error | undefined;

  constructor(path: string) {
    this.path = path;
    this.#stream = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    this.#stream.on('error', (err) => {
      this.#failure = err;
    });
  }

  get lines(): number {
    return this.#lines;
  }

  async writeLine(value: unknown, signal: AbortSignal): Promise<void> {
    if (this.#failure) throw this.#failure;
    this.#lines += 1;
    if (!this.#stream.write(`${JSON.stringify(value)}\n`)) {
      // `error` rejects `once`, so a failing disk does not leave the job waiting for a drain.
      await once(this.#stream, 'drain', { signal });
    }
  }

  async close(): Promise<void> {
    if (this.#stream.closed) return;
    if (this.#failure) {
      this.#stream.destroy();
      throw this.#failure;
    }
    await new Promise<void>((resolve, reject) => {
      this.#stream.end((err?: Error | null) => (err ? reject(err) : resolve()));
    });
  }

  destroy(): void {
    this.#stream.destroy();
  }
}
