// The rendered API reference at /api/docs (issue #15): one page, a tab per service, each rendering
// that service's published document (/api/<service>/docs-json) with Redoc. Works offline: the Redoc
// bundle is served from node_modules (redoc/bundles/redoc.standalone.js), no CDN, no web fonts.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Absolute path of Redoc's self-contained browser bundle; null when redoc (a devDependency) is not installed. */
export const REDOC_BUNDLE = (() => {
  try {
    return require.resolve('redoc/bundles/redoc.standalone.js');
  } catch {
    return null;
  }
})();
export const DOCS_PATH = '/api/docs';
export const BUNDLE_PATH = '/api/docs/redoc.standalone.js';

const TITLES = { budget: '预算 Budget', payroll: '薪酬 Payroll', workers: '人员与认证 Workers & auth', scheduler: '排班 Scheduler' };

/** The page; `services` are the names the gateway proxies. */
export function apiDocsPage(services) {
  const tabs = services.map((s) => `<a href="?service=${s}" data-service="${s}">${TITLES[s] ?? s}</a>`).join('');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>社区工作者系统接口参考 · API reference</title>
<style>
  body { margin: 0; font-family: system-ui, "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; }
  nav { display: flex; gap: 4px; align-items: center; padding: 8px 16px; background: #1f2d3d; position: sticky; top: 0; z-index: 10; }
  nav strong { color: #fff; margin-right: 16px; font-weight: 600; }
  nav a { color: #cfd8e3; text-decoration: none; padding: 6px 12px; border-radius: 4px; }
  nav a.active { background: #fff; color: #1f2d3d; }
</style>
</head>
<body>
<nav><strong>接口参考 API reference</strong>${tabs}</nav>
<div id="redoc"></div>
<script src="${BUNDLE_PATH}"></script>
<script>
  const services = ${JSON.stringify(services)};
  const wanted = new URLSearchParams(location.search).get('service');
  const service = services.includes(wanted) ? wanted : services[0];
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.dataset.service === service);
  Redoc.init('/api/' + service + '/docs-json', { expandResponses: '200,201', jsonSampleExpandLevel: 2, hideHostname: true, nativeScrollbars: true, scrollYOffset: 'nav' }, document.getElementById('redoc'));
</script>
</body>
</html>
`;
}
