import { describe, expect, it } from 'vitest';
import { roomLinePersonSpans } from '../../src/anonymize/text/recognizers/persons-room-line.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// Regression (holdout45 miss class "surname, given name after a bed or a time"): lowercase ward handovers and
// triage logs write the patient surname first with a comma ("bed 2 - crawshaw, doug 63m -", "1015 rewi, hemi 41m,");
// the comma kept the room-line rule from reading them, and the model left them in clear.
describe('room and log lines: surname, comma, given name', () => {
  it('reads both words after a bed or a time', () => {
    const text = 'bed 2 - crawshaw, doug 63m - r ureteric colic\nbed 7 - liu, meiling 44f - l renal colic\n1015 rewi, hemi 41m, nhi TKM5289. headache\n';
    const found = roomLinePersonSpans(makeDoc(text, 'en')).map((s) => text.slice(s.start, s.end));
    expect(found).toEqual(['crawshaw', 'doug', 'liu', 'meiling', 'rewi', 'hemi']);
  });

  it('reads no symptoms listed after a bed', () => {
    const text = 'bed 3 - nausea, vomiting 2 episodes overnight\nbed 4 - confused, agitated 90 mins after sedation\n';
    expect(roomLinePersonSpans(makeDoc(text, 'en'))).toEqual([]);
  });
});
