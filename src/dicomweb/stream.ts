import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { noteAudit } from '../audit/hook.js';
import { VoileError, isVoileError } from '../errors.js';
import { MultipartWriter } from './multipart.js';

/** One part going out: its content type and its bytes (chunks written as they are, not joined). */
export interface OutgoingPart {
  readonly contentType: string;
  readonly chunks: readonly Uint8Array[];
}

export interface MultipartResponse {
  /** The parts, produced one at a time (one instance or frame in memory); may throw. */
  readonly parts: AsyncIterable<OutgoingPart>;
  /** The `type` parameter of the multipart/related response, from the first part. */
  readonly rootType: (first: OutgoingPart) => string;
  /** The error when no part came at all (nothing found, everything withheld). */
  readonly empty: () => VoileError;
  /** Releases the upstream (its body) when the response fails. */
  readonly abort: () => void;
  /** Told the Voile error code of a failure after the headers (the error handler never sees those). */
  readonly onAborted?: (code: string) => void;
}

/**
 * The one WADO-RS streaming loop (instances, frames, bulk pixel data). Headers go out with the first
 * part: a failure before that is the gateway's clean error (thrown); a failure after it destroys the
 * connection — the client sees a broken stream, never raw bytes. Writes respect back-pressure: when
 * `write()` returns false the loop waits for `drain` before producing the next part.
 */
export async function sendMultipart(request: FastifyRequest, reply: FastifyReply, response: MultipartResponse): Promise<void> {
  const writer = new MultipartWriter();
  const raw = reply.raw;
  let started = false;
  try {
    for await (const part of response.parts) {
      if (!started) {
        reply.hijack();
        raw.writeHead(200, { 'content-type': writer.contentType(response.rootType(part)), 'cache-control': 'no-store' });
        started = true;
      }
      // A part is many small chunks (headers) around a few large ones: send them together.
      raw.cork();
      const pending = [write(raw, writer.partHeader(part.contentType)), ...part.chunks.map((chunk) => write(raw, chunk))];
      raw.uncork();
      for (const p of pending) await p;
    }
    if (!started) throw response.empty();
    await write(raw, writer.end());
    raw.end();
  } catch (err) {
    response.abort();
    if (!started) throw err;
    // Headers are out: the only honest signal left is a broken connection, never raw bytes.
    const code = isVoileError(err) ? err.code : 'INTERNAL';
    noteAudit(request, { errorCode: code });
    response.onAborted?.(code);
    request.log.error({ code, route: request.routeOptions.url }, 'dicomweb stream aborted');
    raw.destroy();
    // fastify runs the onResponse hooks — the audit record among them — on the response's 'finish'
    // or 'error'; a destroyed ServerResponse emits neither, so a broken stream would leave no
    // record. Reported as the response's error (what destroy(err) does on other streams), with the
    // Voile error, which quotes nothing.
    if (raw.listenerCount('error') > 0) raw.emit('error', isVoileError(err) ? err : new VoileError('INTERNAL', 'The stream was aborted'));
  }
}

/** Writes with back-pressure; rejects when the client has gone away so the upstream stops too. */
function write(res: ServerResponse, chunk: Uint8Array): Promise<void> | void {
  if (res.destroyed) throw new VoileError('INTERNAL', 'Client went away');
  if (res.write(chunk)) return;
  return new Promise((resolve, reject) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      if (res.destroyed) reject(new VoileError('INTERNAL', 'Client went away'));
      else resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
