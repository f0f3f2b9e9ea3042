import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogin } from '../../../lib/session';
import { InputField } from '../../../components/labelled-field';
import { ErrorAlert } from '../../../components/error-alert';

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ username, password });
  };
  return (
    <form className="panel login" onSubmit={submit} aria-labelledby="login-title">
      <h2 id="login-title">{t('login.title')}</h2>
      <InputField
        label={t('login.username')}
        name="username"
        autoComplete="username"
        value={username}
        onChange={setUsername}
        required
      />
      <InputField
        label={t('login.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        required
      />
      <ErrorAlert error={login.error} />
      <button type="submit" className="primary" disabled={login.isPending}>
        {t('login.submit')}
      </button>
    </form>
  );
}
