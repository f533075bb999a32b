/**
 * The inline annotation format of the hand-written evaluation sets (eval/text/dev, eval/text/holdout):
 * PHI marked as {{value|LABEL}}, documents separated by a line "=====". A mark with label O only
 * documents a deliberate non-PHI and produces no span. Offsets are UTF-16 code units of the text
 * with the marks removed.
 */
import { LABELS } from '../../src/anonymize/text/types.js';

export interface MarkedDoc {
  id: string;
  text: string;
  spans: { start: number; end: number; label: string }[];
}

/** Parses one source file; `stem` (the file name without .txt) prefixes the document ids. Throws on an unknown label or an unbalanced mark. */
export function parseMarked(source: string, stem: string): MarkedDoc[] {
  return source.split(/^=====\s*$/m).map((raw, i) => {
    const marked = raw.replace(/^\n+|\n+$/g, '');
    let text = '';
    const spans: MarkedDoc['spans'] = [];
    let pos = 0;
    for (const m of marked.matchAll(/\{\{([^|{}]+)\|([A-Z]+)\}\}/g)) {
      text += marked.slice(pos, m.index);
      const [, value, label] = m;
      if (label !== 'O') {
        if (!(LABELS as readonly string[]).includes(label!)) throw new Error(`${stem} doc ${i}: unknown label ${label}`);
        spans.push({ start: text.length, end: text.length + value!.length, label: label! });
      }
      text += value;
      pos = m.index + m[0].length;
    }
    text += marked.slice(pos);
    if (/\{\{|\}\}/.test(text)) throw new Error(`${stem} doc ${i}: unbalanced mark`);
    return { id: `${stem}-${i + 1}`, text, spans };
  });
}
