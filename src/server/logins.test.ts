import { describe, expect, it } from 'vitest';
import { bearerOf, cookieValue } from './logins.js';

describe('credentials in request headers', () => {
  it('finds one cookie among several, with quotes and percent-escapes undone', () => {
    expect(cookieValue('theme=dark; opcon_session=abc-DEF_1; other=x', 'opcon_session')).toBe('abc-DEF_1');
    expect(cookieValue('opcon_session="quoted"', 'opcon_session')).toBe('quoted');
    expect(cookieValue('opcon_session=a%20b', 'opcon_session')).toBe('a b');
    expect(cookieValue('opcon_session=bad%zz', 'opcon_session')).toBe('bad%zz');
    expect(cookieValue('x_opcon_session=no; y=1', 'opcon_session')).toBeUndefined();
    expect(cookieValue('novalue; opcon_session=', 'opcon_session')).toBe('');
    expect(cookieValue(undefined, 'opcon_session')).toBeUndefined();
  });
  it('reads a bearer token only from a well-formed Authorization header', () => {
    expect(bearerOf('Bearer tok.123')).toBe('tok.123');
    expect(bearerOf('bearer   tok')).toBe('tok');
    expect(bearerOf('Basic abc')).toBeUndefined();
    expect(bearerOf('Bearer two words')).toBeUndefined();
    expect(bearerOf(undefined)).toBeUndefined();
  });
});
