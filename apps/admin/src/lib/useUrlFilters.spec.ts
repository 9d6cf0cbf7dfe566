import { describe, expect, it } from 'vitest';
import { readFilters, urlParam, writeFilters, type UrlParams } from './useUrlFilters';

interface Filter {
  fiscalYear?: number;
  stream?: string;
  code?: string;
  state: 'OPEN' | 'RESOLVED';
}

const params: UrlParams<Filter> = {
  fiscalYear: urlParam.emptiable(urlParam.int(2000, 2100)),
  stream: urlParam.oneOf(['PARTY_BUILDING', 'TRAINING']),
  code: urlParam.text(/\d{6}/),
  state: urlParam.oneOf(['OPEN', 'RESOLVED'] as const),
};
const defaults: Filter = { fiscalYear: 2026, state: 'OPEN' };
const read = (query: string) => readFilters(new URLSearchParams(query), params, defaults);
const write = (filter: Filter, query = '') => writeFilters(new URLSearchParams(query), filter, params, defaults).toString();

describe('readFilters / writeFilters', () => {
  it('reads what the address names, the defaults where it names nothing', () => {
    expect(read('')).toEqual(defaults);
    expect(read('fiscalYear=2024&stream=TRAINING&code=330106&state=RESOLVED')).toEqual({ fiscalYear: 2024, stream: 'TRAINING', code: '330106', state: 'RESOLVED' });
  });

  it('a value a filter does not take falls back to its default', () => {
    expect(read('fiscalYear=abc&stream=NOPE&code=3301&state=DONE')).toEqual(defaults);
    expect(read('fiscalYear=1999')).toEqual(defaults);
    expect(read('fiscalYear=2024.5')).toEqual(defaults);
    // a text pattern must match the whole value, anchored or not
    expect(read('code=3301060')).toEqual(defaults);
    expect(read('code=x330106')).toEqual(defaults);
  });

  it('an empty value empties an emptiable filter; any other filter keeps its default', () => {
    expect(read('fiscalYear=')).toEqual({ fiscalYear: undefined, state: 'OPEN' });
    expect(read('state=&stream=')).toEqual(defaults);
  });

  it('writes what is not a default; an emptied emptiable filter is written empty', () => {
    expect(write(defaults)).toBe('');
    expect(write({ fiscalYear: 2024, stream: 'TRAINING', state: 'OPEN' })).toBe('fiscalYear=2024&stream=TRAINING');
    expect(write({ fiscalYear: undefined, state: 'RESOLVED' })).toBe('fiscalYear=&state=RESOLVED');
  });

  it('a filter set back to its default or cleared leaves the address; other params are kept', () => {
    expect(write({ fiscalYear: 2026, state: 'OPEN' }, 'fiscalYear=2024&stream=TRAINING&state=RESOLVED&tab=2')).toBe('tab=2');
    expect(write({ fiscalYear: 2024, code: '330106', state: 'OPEN' }, 'tab=2&stream=TRAINING')).toBe('tab=2&fiscalYear=2024&code=330106');
  });

  it('round trips', () => {
    const filters: Filter[] = [defaults, { fiscalYear: undefined, state: 'OPEN' }, { fiscalYear: 2030, stream: 'PARTY_BUILDING', code: '330106', state: 'RESOLVED' }];
    for (const filter of filters) expect(read(write(filter))).toEqual({ ...filter });
  });
});
