import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { appModules } from '../app/modules';
import { en } from './en';
import { zhCN } from './zh-CN';

const moduleMessages = (lang: 'zh' | 'en') =>
  Object.fromEntries(appModules.filter((m) => m.messages).map((m) => [m.key, m.messages![lang]]));

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
    'zh-CN': { translation: { ...zhCN, ...moduleMessages('zh') } },
    en: { translation: { ...en, ...moduleMessages('en') } },
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

export default i18n;
