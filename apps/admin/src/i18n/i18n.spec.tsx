import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { I18nProvider, translate, useI18n } from './I18nProvider';
import { zhCN } from './zh-CN';

function Probe() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div>
      <h1>{t('menu.dashboard')}</h1>
      <p>{t('common.total', { n: 3 })}</p>
      <button onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>{t('lang.switch')}</button>
    </div>
  );
}

describe('i18n', () => {
  it('starts in Chinese and switches every label to English (and remembers the choice)', async () => {
    window.localStorage.clear();
    const container = document.createElement('div');
    document.body.appendChild(container);
    const root = createRoot(container);
    act(() => root.render(<I18nProvider><Probe /></I18nProvider>));
    expect(container.querySelector('h1')?.textContent).toBe('工作台');
    expect(container.querySelector('p')?.textContent).toBe('共 3 条');
    expect(document.documentElement.lang).toBe('zh-CN');

    await act(async () => container.querySelector('button')?.click());

    expect(container.querySelector('h1')?.textContent).toBe('Dashboard');
    expect(container.querySelector('p')?.textContent).toBe('3 in total');
    expect(container.querySelector('button')?.textContent).toBe('中文');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('cws.admin.locale')).toBe('en');
    act(() => root.unmount());
    container.remove();
  });

  it('has an English text for every Chinese key, and no empty ones', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const [k, v] of Object.entries(en)) expect(v, k).not.toBe('');
    expect(translate('en', 'login.required', { field: 'Username' })).toBe('Please enter the Username');
  });
});
