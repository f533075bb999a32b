import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ips(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'IP').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "IPv6 address with '::' before its last group"): the pattern took
// "::" only at the very end, so "fd12:3456:789a:1::2" was not read at all.
describe('IPv6 addresses compressed before the last group', () => {
  it('reads the address whole', async () => {
    expect(await ips('pushed to viewer fd12:3456:789a:1::2 tonight')).toEqual(['fd12:3456:789a:1::2']);
    expect(await ips('gateway 2001:db8:85a3::8a2e:370:7334.')).toEqual(['2001:db8:85a3::8a2e:370:7334']);
  });

  it('still leaves times alone', async () => {
    expect(await ips('seen at 10:45:30 and 12:05')).toEqual([]);
  });
});
