import { VoileError } from '../../errors.js';
import type { Identity } from '../../identity/index.js';
import type { TextContext, TextDeidentifier } from './api.js';
import { rewriteMarkup } from './markup.js';
import { NerRunner, type ExecutionProvider } from './ner/runner.js';
import { detect, type ModelDetector } from './pipeline.js';
import { replaceSpans, surrogate, type SurrogateMode } from './surrogates.js';
import type { Lang, Span } from './types.js';

export interface TextDeidentifierOptions {
  readonly identity: Identity;
  /** 'realistic' replaces with consistent surrogates, 'tags' with `[LABEL]`. Default 'realistic'. */
  readonly mode?: SurrogateMode;
  readonly lang?: Lang | 'auto';
  /** Where the NER model runs. 'cuda' only when asked; asking for it without its files throws. */
  readonly executionProvider?: ExecutionProvider;
  /** false: rules only (no model). Default: the model when its file is present. */
  readonly ner?: boolean;
  /** Inference worker threads. Default 1. */
  readonly workers?: number;
}

export interface VoileTextDeidentifier extends TextDeidentifier {
  /** Spans found in plain text (offsets in UTF-16 code units). */
  detect(text: string, lang?: Lang | 'auto'): Promise<Span[]>;
  /** Stops the inference workers. */
  close(): Promise<void>;
}

/**
 * The text de-identifier the FHIR engine, DICOM Clean Descriptors and Bulk export call. Any
 * failure becomes ANONYMIZATION_FAILED with a message that quotes nothing: text is never returned
 * half-processed.
 */
export function createTextDeidentifier(options: TextDeidentifierOptions): VoileTextDeidentifier {
  const mode = options.mode ?? 'realistic';
  const runner = options.ner === false ? undefined : NerRunner.create({ executionProvider: options.executionProvider ?? 'cpu', workers: options.workers ?? 1 });
  const model: ModelDetector | undefined = runner ? (doc) => runner.detect(doc) : undefined;

  async function findAndReplace(text: string, ctx: TextContext) {
    const { doc, spans } = await detect(text, { lang: ctx.lang ?? options.lang ?? 'auto', model });
    const sctx = { identity: options.identity, patientId: ctx.patientId, lang: doc.lang };
    return { doc, spans, sctx };
  }

  async function plain(text: string, ctx: TextContext): Promise<string> {
    const { doc, spans, sctx } = await findAndReplace(text, ctx);
    return replaceSpans(doc, spans, mode, sctx);
  }

  return {
    async deidentify(text, ctx) {
      try {
        if (text.length === 0) return text;
        if (ctx.format === 'xhtml' || ctx.format === 'html') {
          return await rewriteMarkup(
            text,
            async (joined) => {
              const { doc, spans, sctx } = await findAndReplace(joined, ctx);
              return {
                spans: spans.map((s) => ({
                  start: s.start,
                  end: s.end,
                  replacement: mode === 'tags' ? `[${s.label}]` : surrogate(s.label, doc.text.slice(s.start, s.end), sctx),
                })),
              };
            },
            (value) => plain(value, ctx),
          );
        }
        return await plain(text, ctx);
      } catch (err) {
        throw new VoileError('ANONYMIZATION_FAILED', 'Free text could not be de-identified', { cause: err });
      }
    },
    async detect(text, lang) {
      const { spans } = await detect(text, { lang: lang ?? options.lang ?? 'auto', model });
      return spans;
    },
    async close() {
      await runner?.close();
    },
  };
}
