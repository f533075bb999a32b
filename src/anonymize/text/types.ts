/** The labels Voile finds in free text, exactly as the `voile text detect` output names them. */
export const LABELS = ['PERSON', 'DATE', 'AGE', 'PHONE', 'EMAIL', 'URL', 'IP', 'ADDRESS', 'ZIP', 'CITY', 'HOSPITAL', 'ID'] as const;
export type Label = (typeof LABELS)[number];

export type Lang = 'fr' | 'en';

/** A found span. Offsets are UTF-16 code units of the original text (JavaScript string indices). */
export interface Span {
  start: number;
  end: number;
  label: Label;
  score: number;
  /** Higher wins when spans overlap; validated patterns outrank context rules, which outrank the model. */
  priority: number;
  /** Which recognizer found it (for debugging and evaluation only; never contains text). */
  source: string;
}

/** What every recognizer gets: the original text, and a same-length folded view for matching. */
export interface Doc {
  readonly text: string;
  /** Lowercased, accents stripped, NBSP → space; same length as `text`, so offsets carry over. */
  readonly folded: string;
  readonly lang: Lang;
}

export const PRIORITY = {
  validated: 100,
  pattern: 80,
  context: 60,
  gazetteer: 50,
  model: 40,
  weak: 20,
} as const;
