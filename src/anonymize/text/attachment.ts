import { createHash } from 'node:crypto';
import type { TextContext, TextDeidentifier, TextFormat } from './api.js';

/** The FHIR Attachment fields this helper reads and writes (structurally compatible with @medplum/fhirtypes). */
export interface TextAttachment {
  contentType?: string;
  language?: string;
  data?: string;
  url?: string;
  size?: number;
  hash?: string;
  title?: string;
  creation?: string;
  [key: string]: unknown;
}

export interface AttachmentContext extends Omit<TextContext, 'format'> {
  readonly text: TextDeidentifier;
}

const FORMATS: Record<string, TextFormat> = { 'text/plain': 'plain', 'text/html': 'html', 'text/markdown': 'markdown', 'application/xhtml+xml': 'xhtml' };
const CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii', 'iso-8859-1', 'latin1', 'windows-1252']);

/**
 * De-identifies an attachment's inline text: decodes `data` (base64, with the declared charset),
 * de-identifies it in its format, re-encodes it as UTF-8, and sets `size` and `hash` (SHA-1,
 * base64, as FHIR defines it) to match the new bytes. The title is de-identified as plain text.
 *
 * Returns undefined when the attachment must be dropped: inline data of a type or charset this
 * helper cannot read, or text the de-identifier removed. An attachment with no inline data keeps
 * its other fields (the FHIR engine decides about `url`).
 */
export async function deidentifyAttachment(attachment: TextAttachment, ctx: AttachmentContext): Promise<TextAttachment | undefined> {
  const out: TextAttachment = { ...attachment };
  const base = { patientId: ctx.patientId, lang: ctx.lang };
  if (typeof attachment.title === 'string') {
    const title = await ctx.text.deidentify(attachment.title, { ...base, format: 'plain' });
    if (title === undefined) delete out.title;
    else out.title = title;
  }
  if (attachment.data === undefined) return out;
  const [mime, ...params] = (attachment.contentType ?? '').split(';').map((p) => p.trim().toLowerCase());
  const format = FORMATS[mime ?? ''];
  const charset = params.find((p) => p.startsWith('charset='))?.slice(8).replace(/"/g, '') ?? 'utf-8';
  if (!format || !CHARSETS.has(charset)) return undefined;
  const bytes = Buffer.from(attachment.data, 'base64');
  const decoded = charset.startsWith('utf') ? bytes.toString('utf8') : charset.includes('ascii') ? bytes.toString('ascii') : bytes.toString('latin1');
  const clean = await ctx.text.deidentify(decoded, { ...base, format });
  if (clean === undefined) return undefined;
  const encoded = Buffer.from(clean, 'utf8');
  out.data = encoded.toString('base64');
  out.contentType = `${mime}; charset=utf-8`;
  out.size = encoded.length;
  out.hash = createHash('sha1').update(encoded).digest('base64');
  return out;
}
