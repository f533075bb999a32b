import type { Organization, Practitioner } from '@medplum/fhirtypes';
import type { IdentifyingCollector } from './identifying.js';
import { drawName, drawWorkPhone, type Gender } from './people.js';
import type { CohortLocale, CohortRandom } from './random.js';
import { HOSPITALS, SYSTEMS } from './vocabulary.js';
import { meta } from './meta.js';

export interface Site {
  readonly locale: CohortLocale;
  readonly organization: Organization & { id: string };
  readonly practitioners: readonly StaffMember[];
}

export interface StaffMember {
  readonly resource: Practitioner & { id: string };
  /** "Given Family", as written in notes and reference displays. */
  readonly displayName: string;
}

const PRACTITIONERS_PER_SITE = 4;

/** The hospitals of the demo and their physicians. */
export function generateSites(rng: CohortRandom, identifying: IdentifyingCollector): Site[] {
  return HOSPITALS.map((hospital) => {
    const locale = hospital.locale;
    const organization: Organization & { id: string } = {
      resourceType: 'Organization',
      id: rng.uuid(),
      meta: meta(),
      active: true,
      ...(hospital.country === 'FR' ? { identifier: [{ system: SYSTEMS.finess, value: hospital.finess }] } : {}),
      type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'prov', display: 'Healthcare Provider' }] }],
      name: hospital.name,
      address: [{
        line: [hospital.line],
        city: hospital.city,
        postalCode: hospital.postalCode,
        ...('state' in hospital ? { state: hospital.state } : {}),
        country: hospital.country,
      }],
    };
    const practitioners = Array.from({ length: PRACTITIONERS_PER_SITE }, () => {
      const gender: Gender = rng.chance(0.5) ? 'female' : 'male';
      const name = drawName(rng, locale, gender, false);
      const phone = drawWorkPhone(rng, locale);
      const identifier = locale === 'fr'
        ? { system: SYSTEMS.rpps, value: `10${rng.digits(9)}` }
        : { system: SYSTEMS.npi, value: `1${rng.digits(9)}` };
      const resource: Practitioner & { id: string } = {
        resourceType: 'Practitioner',
        id: rng.uuid(),
        meta: meta(),
        active: true,
        identifier: [identifier],
        name: [{ use: 'official', family: name.family, given: [...name.given], prefix: [locale === 'fr' ? 'Dr' : 'Dr.'] }],
        telecom: [{ system: 'phone', value: phone, use: 'work' }],
        gender,
      };
      identifying.add('practitioner-name', name.family);
      for (const given of name.given) identifying.add('practitioner-name', given);
      identifying.add('practitioner-name', `${name.given.join(' ')} ${name.family}`);
      identifying.add('phone', phone);
      identifying.add('identifier', identifier.value);
      return { resource, displayName: `${name.given[0]} ${name.family}` };
    });
    return { locale, organization, practitioners };
  });
}
