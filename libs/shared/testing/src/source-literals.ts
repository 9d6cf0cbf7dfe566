/**
 * Every string literal in the repository's own source (apps, libs, tools, docker, docs): the
 * candidates an attacker with the source would try as keys.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOTS = ['apps', 'libs', 'tools', 'docker', 'docs', 'README.md', 'package.json', 'nx.json', 'tsconfig.base.json', 'eslint.config.mjs'];
const EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.mjs', '.js', '.cjs', '.json', '.yaml', '.yml', '.conf', '.sql', '.md', '.env', '']);
const SKIP_DIRS = new Set(['node_modules', 'dist', '.nx', 'coverage', 'tmp']);
const QUOTED = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\$]|\\.)*)`/g;
/** Unquoted values in YAML, .env and Markdown (`KEY=value`, `key: value`, code spans). */
const WORD = /[^\s'"`,;:=(){}[\]<>|]{8,}/g;

export function repoRoot(from = __dirname): string {
  let dir = from;
  while (!statSafe(path.join(dir, 'nx.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
  return dir;
}

export function sourceStringLiterals(root = repoRoot()): string[] {
  const out = new Set<string>();
  const visit = (p: string) => {
    const st = statSafe(p);
    if (!st) return;
    if (st.isDirectory()) {
      if (SKIP_DIRS.has(path.basename(p))) return;
      for (const e of readdirSync(p)) visit(path.join(p, e));
      return;
    }
    if (!EXTENSIONS.has(path.extname(p)) || st.size > 2_000_000) return;
    const text = readFileSync(p, 'utf8');
    for (const m of text.matchAll(QUOTED)) {
      const v = m[1] ?? m[2] ?? m[3];
      if (v) out.add(v);
    }
    if (!/\.(ts|tsx|mts|mjs|js|cjs)$/.test(p)) for (const m of text.matchAll(WORD)) out.add(m[0]);
  };
  for (const r of ROOTS) visit(path.join(root, r));
  return [...out];
}

function statSafe(p: string) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}
