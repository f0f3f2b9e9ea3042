import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/api-client';

/**
 * An API error as the reader should see it, in the interface language; nothing while there is none.
 * `inline` sits in a row of form controls (a span), otherwise it is a paragraph of its own.
 */
export function ErrorAlert({ error, inline, testId }: { error: unknown; inline?: boolean; testId?: string }) {
  const { i18n } = useTranslation();
  if (!error) return null;
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag role="alert" className="form-error" data-testid={testId}>
      {errorMessage(error, i18n.language)}
    </Tag>
  );
}

/** A page that could not load what it shows: the API error in its place. */
export function PageError({ error }: { error: unknown }) {
  const { i18n } = useTranslation();
  return (
    <p role="alert" className="panel error">
      {errorMessage(error, i18n.language)}
    </p>
  );
}
