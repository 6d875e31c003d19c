import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson } from './canonical-json.ts';

describe('canonical JSON', () => {
  it('sorts keys by UTF-16 code units at every depth and writes no whitespace', () => {
    const value = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: null }, A: true };
    expect(canonicalJson(value)).toBe('{"A":true,"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('orders keys by code unit, not code point: U+FB01 sorts after a surrogate pair', () => {
    // "\u{1F600}" is \uD83D\uDE00, whose first unit is below \uFB01, though its code point is above.
    const value = { '\uFB01': 1, '\u{1F600}': 2, '\u00e9': 3, e: 4 };
    expect(canonicalJson(value)).toBe('{"e":4,"é":3,"😀":2,"ﬁ":1}');
  });

  it('keeps non-ASCII literal and escapes only quotes, backslashes and controls', () => {
    expect(canonicalJson('Zoë "€" \\ \n\t\u0001 ✓ 😀')).toBe(
      '"Zoë \\"€\\" \\\\ \\n\\t\\u0001 ✓ 😀"',
    );
  });

  it('refuses lone surrogates, which have no UTF-8 form', () => {
    expect(() => canonicalJson({ name: 'a\uD800b' })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson(['\uDC00'])).toThrow(/\$\[0\].*lone/);
    expect(() => canonicalJson({ 'k\uDBFF': 1 })).toThrow(/at \$: lone/);
    // A pair is not lone, whichever side of it a string ends or starts.
    expect(canonicalJson(['\uD83D\uDE00', 'x\uD83D\uDE00', '\uD83D\uDE00x'])).toBe(
      '["😀","x😀","😀x"]',
    );
  });

  it('names the path of what it refuses, however deep', () => {
    expect(() => canonicalJson({ a: [{ b: 1 }, { c: [true, Number.NaN] }] })).toThrow(
      'Cannot write canonical JSON at $.a[1].c[1]: NaN is not finite',
    );
    const error = (() => {
      try {
        canonicalJson([{ when: new Date(0) }]);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(CanonicalJsonError);
    expect(error).toMatchObject({
      path: '$[0].when',
      reason: expect.stringMatching(/plain objects/),
    });
  });

  it('writes numbers in their shortest round-trip form', () => {
    expect(
      canonicalJson([1.0, -0, 0.1, 1e-7, 123456789.125, -5e-324, 2 ** 53 - 1, -(2 ** 53 - 1)]),
    ).toBe('[1,0,0.1,1e-7,123456789.125,-5e-324,9007199254740991,-9007199254740991]');
  });

  it('refuses non-finite numbers and numbers beyond 2^53 − 1', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/\$\.n: NaN is not finite/);
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ big: 2 ** 53 })).toThrow(/beyond/);
    expect(() => canonicalJson({ big: -(2 ** 60) })).toThrow(/beyond/);
    expect(() => canonicalJson(1e21)).toThrow(/beyond/);
    // A parser has already rounded 2^53 + 1 to 2^53: refusing it is the only honest answer.
    expect(() => canonicalJson(JSON.parse('9007199254740993'))).toThrow(/beyond/);
  });

  it('keeps array order through nesting and tells empty containers apart', () => {
    expect(canonicalJson([[[]], {}, [{}], [[1, [2, [3]]]]])).toBe('[[[]],{},[{}],[[1,[2,[3]]]]]');
  });

  it('is the same for JSON that differs only in key order and spacing', () => {
    const a = JSON.parse('{ "x": [1, 2], "y": {"q": "r", "p": 0.5} }');
    const b = JSON.parse('{"y":{"p":5e-1,"q":"r"},"x":[1,2.0]}');
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it('refuses what JSON cannot hold instead of dropping it', () => {
    expect(() => canonicalJson({ a: undefined })).toThrow(/\$\.a: a undefined/);
    expect(() => canonicalJson(new Date(0))).toThrow(/plain objects/);
    expect(() => canonicalJson(10n)).toThrow(/bigint/);
  });
});
