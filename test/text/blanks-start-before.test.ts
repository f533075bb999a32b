import { describe, expect, it } from 'vitest';
import { blanksStartBefore } from '../../src/anonymize/text/blanks.js';

describe('blanksStartBefore', () => {
  it('steps back over spaces and tabs only', () => {
    expect(blanksStartBefore('Dr \t Martin', 0, 5)).toBe(2);
    expect(blanksStartBefore('a\n  b', 0, 4)).toBe(2); // a line break is not a blank
    expect(blanksStartBefore('a\u00a0 b', 0, 3)).toBe(2); // nor a no-break space
  });

  it('returns `at` when no blank ends the slice', () => {
    expect(blanksStartBefore('Martin', 0, 6)).toBe(6);
  });

  it('never goes before `from`', () => {
    expect(blanksStartBefore('x    y', 3, 5)).toBe(3);
    expect(blanksStartBefore('    ', 0, 4)).toBe(0);
  });
});
