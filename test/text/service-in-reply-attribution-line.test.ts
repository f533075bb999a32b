import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { emailHeaderServiceSpans } from '../../src/anonymize/text/recognizers/email-header-services.js';

function services(text: string): string[] {
  return emailHeaderServiceSpans(makeDoc(text, 'auto')).map((s) => text.slice(s.start, s.end));
}

// Regression (holdout29..42 miss class, 13 spans): a service that wrote the quoted mail, named in the reply's
// attribution line ("Le mer. 25 nov. 2026 à 14:05, Consultation mucoviscidose adultes a écrit :", "On Fri, 27 Nov 2026
// at 09:14, Tyne Skin & Laser wrote:"), was left in clear, while the same name in a From: header was found.
describe("a service in a reply's attribution line", () => {
  it('is a facility', () => {
    expect(services('Merci.\n\n> Le ven. 20 nov. 2026 à 15:12, Secrétariat chirurgie adulte a écrit :\n> Madame,')).toEqual(['Secrétariat chirurgie adulte']);
    expect(services('Thanks\n\nOn Fri, 27 Nov 2026 at 09:14, Wear Skin & Laser <bookings@wearskin.co.uk> wrote:\n> Dear')).toEqual(['Wear Skin & Laser']);
    expect(services('> Le 1 déc. 2026 à 09:20, Service de dermatologie – HUG a écrit / wrote :')).toEqual(['Service de dermatologie – HUG']);
  });
  it('not a person with a role, nor a lowercase description of a desk', () => {
    expect(services('> Le 1 déc. 2026 à 09:20, Sophie Vallet – Health Protection Nurse a écrit :')).toEqual([]);
    expect(services('> Le 20/11/2026 à 12:03, secrétariat RCP a écrit :')).toEqual([]);
    expect(services('> Le 20/11/2026 à 12:03, Dr Marc Reuter a écrit :')).toEqual([]);
  });
});
