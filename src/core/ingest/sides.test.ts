import { describe, expect, it } from 'vitest';
import { builtInLexicon } from '../../../test/helpers/ingest.js';
import { findPerson } from './names.js';
import { sideOfPerson, sideOfPhrase } from './sides.js';

describe('sides', () => {
  it('takes a named person’s side from the gazetteer, by full name, alias or surname-only entry', async () => {
    const { compiled } = await builtInLexicon();
    expect(sideOfPerson(compiled, 'Xavier Brunson', '')).toBe('US');
    expect(findPerson(compiled, 'Lee Jaemyung')?.name).toBe('Lee Jae Myung');
    expect(findPerson(compiled, 'Chuck Hagel')?.name).toBe('Hagel');
    expect(sideOfPerson(compiled, 'Jeong Kyung-woon', 'analyst')).toBe('other');
  });
  it('else from the description, else a Korean name, else nothing', async () => {
    const { compiled } = await builtInLexicon();
    expect(sideOfPerson(compiled, 'Charlie Delta', 'commander of U.S. Forces Korea')).toBe('US');
    expect(sideOfPerson(compiled, 'Park Min-jae', '')).toBe('ROK');
    expect(sideOfPerson(compiled, 'Park Min-jae', 'a professor at a Seoul university')).toBe('other');
    expect(sideOfPerson(compiled, 'Charlie Delta', 'an adviser')).toBeUndefined();
  });
  it('reads side words inside a phrase, never North Korea as Korea', async () => {
    const { compiled } = await builtInLexicon();
    expect(sideOfPhrase(compiled, 'a South Korean official')).toBe('ROK');
    expect(sideOfPhrase(compiled, 'a Pentagon spokesperson')).toBe('US');
    expect(sideOfPhrase(compiled, 'a defense ministry official')).toBe('ROK');
    expect(sideOfPhrase(compiled, 'North Korean state media')).toBe('other');
    expect(sideOfPhrase(compiled, 'the U.S.-South Korean alliance')).toBe('joint');
    expect(sideOfPhrase(compiled, 'U.S. and South Korean officials')).toBe('US');
    expect(sideOfPhrase(compiled, 'Both delegations')).toBe('joint');
    expect(sideOfPhrase(compiled, 'an adviser')).toBeUndefined();
  });
});
