import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogin } from '../../../lib/session';
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
      <label>
        {t('login.username')}
        <input
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
      </label>
      <label>
        {t('login.password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      <ErrorAlert error={login.error} />
      <button type="submit" className="primary" disabled={login.isPending}>
        {t('login.submit')}
      </button>
    </form>
  );
}
