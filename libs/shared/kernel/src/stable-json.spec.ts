import { stableJson } from './text';

describe('stableJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(stableJson({ b: { d: null, c: '2' }, a: 1, z: undefined })).toBe('{"a":1,"b":{"c":"2","d":null}}');
    expect(stableJson({ a: 1, b: { c: '2', d: null } })).toBe(stableJson({ b: { d: null, c: '2' }, a: 1 }));
  });

  it('keeps array order, writes undefined as null and dates as ISO strings', () => {
    expect(stableJson([2, 1, { y: 1, x: [true] }])).toBe('[2,1,{"x":[true],"y":1}]');
    expect(stableJson(undefined)).toBe('null');
    expect(stableJson({ at: new Date('2026-03-01T08:00:00.000Z') })).toBe('{"at":"2026-03-01T08:00:00.000Z"}');
  });
});
