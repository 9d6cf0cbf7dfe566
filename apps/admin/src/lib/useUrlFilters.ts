import { useSearchParams } from 'react-router-dom';

/** A list filter's value as the address holds it (the API's query names and texts). */
type FilterValue = string | number | undefined;

/**
 * How one filter is read from the address: `parse` answers the value a text names, or undefined for a text the
 * filter does not take (then its default holds). `emptiable`: the filter may be emptied where its default is not
 * (every year where this year is the default); emptied, it is written as an empty value (`?fiscalYear=`).
 */
export interface UrlParam<V> {
  parse: (raw: string) => V | undefined;
  emptiable?: true;
}

/** Each filter's UrlParam, every key of the filter named (a filter the address does not hold is no key of F). */
export type UrlParams<F> = { [K in keyof F]-?: UrlParam<NonNullable<F[K]>> };

/** A list filter: its keys' values as the address holds them (an interface's optional keys too). */
type Filter<F> = { [K in keyof F]: FilterValue };

export const urlParam = {
  /** A text the whole of which `pattern` matches (anchored here, without its g or y flag, so no match is stateful). */
  text: (pattern: RegExp): UrlParam<string> => {
    const whole = new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, ''));
    return { parse: (raw) => (whole.test(raw) ? raw : undefined) };
  },
  /** One of `values`. */
  oneOf: <T extends string>(values: readonly T[]): UrlParam<T> => ({ parse: (raw) => values.find((v) => v === raw) }),
  /** A whole number from `min` to `max`. */
  int: (min: number, max: number): UrlParam<number> => ({
    parse: (raw) => (/^\d{1,9}$/.test(raw) && Number(raw) >= min && Number(raw) <= max ? Number(raw) : undefined),
  }),
  emptiable: <V>(p: UrlParam<V>): UrlParam<V> => ({ ...p, emptiable: true }),
};

/** The filter the address names: each key parsed, its default where absent or not taken; other params ignored. */
export function readFilters<F extends Filter<F>>(search: URLSearchParams, params: UrlParams<F>, defaults: F): F {
  const filter = { ...defaults };
  for (const key of Object.keys(params) as Array<keyof F & string>) {
    const raw = search.get(key);
    if (raw === null) continue;
    const p = params[key];
    if (raw === '' && p.emptiable) filter[key] = undefined as F[typeof key];
    else filter[key] = (p.parse(raw) ?? defaults[key]) as F[typeof key];
  }
  return filter;
}

/**
 * `search` with the filter's keys written: a default is left out (a plain link is the default view), params not ours
 * kept. An emptied filter (undefined) whose default is not is written empty when it is `emptiable`, else left out (its
 * default then holds).
 */
export function writeFilters<F extends Filter<F>>(search: URLSearchParams, filter: F, params: UrlParams<F>, defaults: F): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const key of Object.keys(params) as Array<keyof F & string>) {
    const value = filter[key];
    const text = value === defaults[key] ? undefined : value !== undefined ? String(value) : params[key].emptiable ? '' : undefined;
    // set in place: a filter already in the address keeps its position there
    if (text === undefined) next.delete(key);
    else next.set(key, text);
  }
  return next;
}

/**
 * A list's filters kept in the address, so that a reload or a shared link shows the same list: `[filter, change]`
 * as a page's useState would give, `change` merging into the filter. Written with `replace` (typing a year or picking
 * a street is no step back); `admit` drops what the user may not name (a link from someone with a wider scope).
 */
export function useUrlFilters<F extends Filter<F>>(params: UrlParams<F>, defaults: F, admit: (f: F) => F = (f) => f): [F, (change: Partial<F>) => void] {
  const [search, setSearch] = useSearchParams();
  const filter = admit(readFilters(search, params, defaults));
  const change = (c: Partial<F>) => setSearch((prev) => writeFilters(prev, { ...admit(readFilters(prev, params, defaults)), ...c }, params, defaults), { replace: true });
  return [filter, change];
}
