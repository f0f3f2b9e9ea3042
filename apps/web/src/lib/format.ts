import { useTranslation } from 'react-i18next';

export type Lang = 'zh' | 'en';

/** Locale-aware formatting for the interface language: percents, signed changes and timestamps. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const locale = lang === 'en' ? 'en-GB' : 'zh-CN';
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const signedFormat = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 1 });
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  // Beijing time wherever the browser is: every time the ledger shows is Asia/Shanghai local time.
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  });
  return {
    lang,
    /** The API gives percents as 0–100; Intl wants a fraction. */
    percent: (value: number | null) => (value === null ? '—' : percentFormat.format(value / 100)),
    // U+2212 MINUS SIGN reads better than a hyphen in "−4".
    signed: (value: number) => signedFormat.format(value).replace('-', '−'),
    number: (value: number | null) => (value === null ? '—' : numberFormat.format(value)),
    dateTime: (iso: string | null) => (iso ? dateTimeFormat.format(new Date(iso)) : '—'),
  };
}
