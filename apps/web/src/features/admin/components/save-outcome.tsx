import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api-client';

/** What became of a row's save: a quiet note when it is done, else the API's message in the interface language. */
export function SaveOutcome({ done, error }: { done: string | false | null; error: unknown }) {
  const { i18n } = useTranslation();
  return (
    <>
      {done && (
        <span role="status" className="muted">
          {' '}
          {done}
        </span>
      )}
      {!!error && (
        <span role="alert" className="form-error">
          {' '}
          {errorMessage(error, i18n.language)}
        </span>
      )}
    </>
  );
}
