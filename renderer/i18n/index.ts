// i18next set-up: Vietnamese by default, English on request, the choice kept in localStorage.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { vi } from './vi.ts';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'ecab.lang';

/** The Intl locale for dates and numbers in each language. */
export const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

function savedLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(saved) ? saved : 'vi';
  } catch {
    return 'vi';
  }
}

export async function initI18n(): Promise<void> {
  const lng = savedLanguage();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'vi',
    supportedLngs: [...LANGUAGES],
    resources: { vi: { translation: vi }, en: { translation: en } },
    interpolation: { escapeValue: false }, // React escapes
  });
}

export async function setLanguage(lng: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // not remembered, but still switched
  }
  document.documentElement.lang = lng;
  await i18next.changeLanguage(lng);
}

export function currentLanguage(language: string): Language {
  return isLanguage(language) ? language : 'vi';
}
