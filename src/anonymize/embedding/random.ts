/**
 * Seeded randomness for avatar generation. The avatar of a record must be reproducible from the
 * policy secret and the data alone, so nothing here touches `Math.random`.
 *
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128 bits of state, passes
 * PractRand, and needs only 32-bit integer arithmetic, which V8 runs fast. The 32-bit seed is
 * spread over the state with splitmix32 so that nearby seeds give unrelated streams.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Exponential with rate 1 (strictly positive). */
  exponential(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function seededRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new RangeError('seed must be a finite number');
  const mix = splitmix32(Math.floor(Math.abs(seed)) % 0x1_0000_0000);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs: sfc32's authors recommend a short warm-up.
  for (let i = 0; i < 12; i++) nextUint32();
  const next = (): number => nextUint32() / 0x1_0000_0000;
  return {
    next,
    exponential: () => -Math.log(1 - next()),
    int: (n: number) => Math.floor(next() * n),
  };
}

/** Fisher–Yates shuffle in place. */
export function shuffleInPlace<T>(items: T[] | Int32Array, random: Random): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
}
