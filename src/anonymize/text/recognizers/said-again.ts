/**
 * A number a dictation reads again, corrected or repeated, right after it ("numero amo un deux … pardon un
 * deux … deux", "six deux deux … je repete six deux deux …"): the same label as the first reading. `pattern`
 * is anchored (^), reads the correction word and the number (group 1, flag d), on the folded view. Each
 * reading may be followed by another.
 */
export function* saidAgain(folded: string, end: number, pattern: RegExp, accept: (run: string) => boolean = () => true): Generator<[start: number, end: number]> {
  for (let m = pattern.exec(folded.slice(end, end + 400)); m && accept(m[1]!); m = pattern.exec(folded.slice(end, end + 400))) {
    const [s, e] = m.indices![1]!;
    const start = end + s;
    end += e;
    yield [start, end];
  }
}
