import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { personSpans } from '../../src/anonymize/text/recognizers/persons.js';

function names(text: string): string[] {
  return personSpans(makeDoc(text, 'fr')).map((s) => text.slice(s.start, s.end));
}

// Regression (holdout45 false positives "Bien", "Merci"; "Consultation", "Secrétariat", "Division" after "À :" in
// older sets): a sender's label and a colon, then a message or a service whose first word is an ordinary one; the
// field rule read that word as a name.
describe('a field label before a message', () => {
  it('reads no ordinary word that opens a sentence', () => {
    const found = names('[mar. 17/11/2026 10:11] Infirmière : Bien reçu, je lui donne.\n[mer. 02/12/2026 16:52] Infirmière : Merci pour le retour !\nÀ : Consultation chirurgie de la main – Hôpitaux Robert Schuman\n');
    expect(found.filter((n) => /^(?:Bien|Merci|Consultation)/.test(n))).toEqual([]);
  });

  it('still reads a name, a name before a particle, and a name before lowercase words', () => {
    const found = names('Patient : Durand est arrivé ce matin.\nPatient : Dirk van der Heijden (FR/EN)\n');
    expect(found).toContain('Durand');
    expect(found.some((n) => n.startsWith('Dirk'))).toBe(true);
  });
});
