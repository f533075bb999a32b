import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

// Regression (holdout40..holdout42 miss class): a month-first day after an insurer's decision or a letter's sending
// ("approved 10/16", "denied 11/18", "letters mailed 10/16") went out in clear.
describe('a month-first day after a decision or a mailing', () => {
  it('is a date', async () => {
    const text = '"botulinumtoxinA axillary 100U","approved 11/20","first inj"\n"denied 11/18 – appeal"\n6 referrals. letters mailed 10/16.';
    const { spans } = await detect(text, { lang: 'en' });
    const dates = spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
    expect(dates).toEqual(['11/20', '11/18', '10/16']);
  });
});
