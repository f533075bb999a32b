export type { TextContext, TextDeidentifier, TextFormat } from './api.js';
export { redactingTextDeidentifier } from './api.js';
export { createTextDeidentifier, type TextDeidentifierOptions, type VoileTextDeidentifier } from './deidentifier.js';
export { deidentifyAttachment, type AttachmentContext, type TextAttachment } from './attachment.js';
export { detectJsonl, anonymizeJsonl, type JsonlOptions, type AnonymizeJsonlOptions } from './jsonl.js';
export { detect, ruleSpans, type DetectOptions } from './pipeline.js';
export { LABELS, type Label, type Span, type Lang } from './types.js';
export { NerRunner, cudaProviderPath, type ExecutionProvider } from './ner/runner.js';
export { isValidNir, nirKey, isValidSsn } from './recognizers/ids.js';
