/**
 * The hook the FHIR rule engine (method `text`), the DICOM de-identifier (Clean Descriptors) and
 * Bulk export call for free text. Until the NER pipeline lands, `redactingTextDeidentifier` removes
 * the text entirely (fail closed).
 */
export type TextFormat = 'plain' | 'xhtml' | 'markdown' | 'html';

export interface TextContext {
  /** Real id of the patient the text belongs to (for consistent surrogates and date shifts). */
  readonly patientId?: string;
  /** Language per policy, or 'auto'. */
  readonly lang?: 'fr' | 'en' | 'auto';
  readonly format: TextFormat;
}

export interface TextDeidentifier {
  /** Returns the de-identified text, or undefined when the text must be removed altogether. */
  deidentify(text: string, ctx: TextContext): Promise<string | undefined>;
  /**
   * The same answer without waiting, for a de-identifier that needs no model (redaction). When
   * present, the FHIR engine uses it and anonymizes resources with free text synchronously.
   */
  readonly deidentifySync?: (text: string, ctx: TextContext) => string | undefined;
}

export const redactingTextDeidentifier: TextDeidentifier = {
  async deidentify() {
    return undefined;
  },
  deidentifySync: () => undefined,
};
