// Every refusal code a service can answer has its text in the admin UI (apps/admin/src/i18n/errorCodes.ts),
// so HR reads what went wrong in Chinese instead of a generic "check the field" or a raw policy key. The codes
// are read from the services' sources: the helpers that make refusals take the code as a string literal.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const SOURCES = ['apps/workers/src', 'apps/payroll/src', 'apps/budget/src', 'apps/scheduler/src', 'libs'];
const REFUSAL = [/\b(?:validationError|conflict)\(\s*'([A-Z][A-Z0-9_]+)'/g, /new DomainError\(\s*'[A-Z_]+',\s*'([A-Z][A-Z0-9_]+)'/g];
/** Only machine clients and the queue board meet these; the admin never calls where they are answered. */
const MACHINE_ONLY = new Set(['MALFORMED_BASIC_AUTH', 'IDENTITIES_NOT_PERMITTED', 'MACHINE_CREDENTIAL_MISSING', 'CROSS_SITE_REQUEST']);

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!['node_modules', 'testing', 'migrations', 'seed'].includes(name)) sourceFiles(full, out);
    } else if (name.endsWith('.ts') && !name.endsWith('spec.ts')) out.push(full);
  }
  return out;
}

describe('error codes in the admin UI', () => {
  it('every refusal code the services make has a Chinese and an English text (404s share one)', () => {
    const thrown = new Map<string, string>();
    for (const file of SOURCES.flatMap((d) => sourceFiles(path.join(root, d)))) {
      const text = readFileSync(file, 'utf8');
      for (const re of REFUSAL) for (const m of text.matchAll(re)) if (!thrown.has(m[1])) thrown.set(m[1], path.relative(root, file));
    }
    expect(thrown.size).toBeGreaterThan(200); // the scan still finds the services' refusals
    const texts = readFileSync(path.join(root, 'apps/admin/src/i18n/errorCodes.ts'), 'utf8');
    const missing = [...thrown].filter(([code]) => !MACHINE_ONLY.has(code) && !new RegExp(`^\\s+${code}: \\[`, 'm').test(texts));
    expect(missing.map(([code, file]) => `${code} (${file})`)).toEqual([]);
  });
});
