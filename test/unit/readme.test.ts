// The README opens with what people who use the app need; developer detail comes after.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const users = readme.slice(0, readme.indexOf('## For developers'));

describe('README', () => {
  it('puts the user part first and says time, memory, photos, what stays hidden, trust lists, install and Check a proof', () => {
    expect(readme.indexOf('## For people who use it')).toBeGreaterThan(0);
    expect(readme.indexOf('## For people who use it')).toBeLessThan(readme.indexOf('## For developers'));
    for (const words of [/7 minutes/, /5-6 GB/, /JPEG and PNG/, /ES256/, /P-256/, /What stays hidden/, /A trust list is/, /Get one/, /npm ci && npm start/, /Check a proof/, /Try with a sample photo/, /not a real issuer/])
      expect(users).toMatch(words);
    expect(users).not.toMatch(/vitest|npm test/);
  });
});
