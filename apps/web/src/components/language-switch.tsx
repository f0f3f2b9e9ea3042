import { useTranslation } from 'react-i18next';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <>
      <button
        type="button"
        className="language-switch"
        aria-label={t('languageSwitchLabel')}
        onClick={() => void i18n.changeLanguage(i18n.language === 'zh' ? 'en' : 'zh')}
      >
        {t('languageSwitch')}
      </button>
      {/* Only metrics have English names; the rest are shown as the plan has them, and the English interface says so. */}
      {i18n.language === 'en' && (
        <span className="muted names-note" data-testid="names-note">
          {t('namesInChinese')}
        </span>
      )}
    </>
  );
}
