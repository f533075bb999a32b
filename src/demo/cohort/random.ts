import { Faker, base, en, fr } from '@faker-js/faker';

/** The clock the cohort lives on: every generated date is relative to it, never to `Date.now()`. */
export const COHORT_REFERENCE_DATE = new Date('2025-06-01T00:00:00Z');

export type CohortLocale = 'fr' | 'en';

/**
 * Seeded randomness for the generator. One Faker drives the structure (counts, picks, values) and
 * one per locale draws identities; each is seeded from the cohort seed so the whole cohort is a pure
 * function of it, whatever else runs in the process (the global faker instance is never touched).
 */
export class CohortRandom {
  readonly structure: Faker;
  readonly people: Readonly<Record<CohortLocale, Faker>>;

  constructor(seed: number) {
    this.structure = seeded(new Faker({ locale: [en, base] }), seed);
    this.people = {
      fr: seeded(new Faker({ locale: [fr, base] }), seed * 7919 + 1),
      en: seeded(new Faker({ locale: [en, base] }), seed * 7919 + 2),
    };
  }

  int(min: number, max: number): number {
    return this.structure.number.int({ min, max });
  }

  float(min: number, max: number, decimals: number): number {
    const factor = 10 ** decimals;
    return Math.round(this.structure.number.float({ min, max }) * factor) / factor;
  }

  chance(probability: number): boolean {
    return this.structure.number.float({ min: 0, max: 1 }) < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** `count` distinct items, in a seed-determined order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.structure.helpers.shuffle([...items]).slice(0, Math.min(count, items.length));
  }

  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += String(this.int(i === 0 ? 1 : 0, 9));
    return out;
  }

  uuid(): string {
    return this.structure.string.uuid();
  }

  /** A moment uniformly drawn between two instants. */
  between(from: Date, to: Date): Date {
    return new Date(this.int(from.getTime(), to.getTime()));
  }
}

function seeded(faker: Faker, seed: number): Faker {
  faker.seed(seed);
  faker.setDefaultRefDate(COHORT_REFERENCE_DATE);
  return faker;
}
