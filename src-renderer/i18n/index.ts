import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export const languages = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
] as const;
export type Language = (typeof languages)[number]['value'];

const STORAGE_KEY = 'solo-crm.language';

/** The remembered choice, else the system's language: Chinese for any zh locale, English otherwise. */
function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'zh-CN' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN },
    en: { translation: en },
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  localStorage.setItem(STORAGE_KEY, lng);
  document.documentElement.lang = lng;
});

/** A screen module's own messages, used as t('<key>.…'); the app adds each module's at start. */
export function addModuleMessages(
  key: string,
  messages: { zh: Record<string, unknown>; en: Record<string, unknown> },
) {
  i18n.addResourceBundle('zh-CN', 'translation', { [key]: messages.zh }, true, true);
  i18n.addResourceBundle('en', 'translation', { [key]: messages.en }, true, true);
}

export default i18n;
