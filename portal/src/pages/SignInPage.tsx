import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/connect';
import { takeSignInNotice } from '../api/session';
import { ErrorSummary, TextField, useFormErrors } from '../components/forms';
import { navigate } from '../router';
import { useSession } from '../session';

export function SignInPage() {
  const { signIn } = useSession();
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice] = useState(takeSignInNotice);
  const { errors, formRef, show, fail } = useFormErrors();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = key.trim();
    if (!trimmed) {
      show({ fields: { api_key: ['Enter your organisation\'s API key.'] }, general: [] });
      return;
    }
    setBusy(true);
    try {
      const identity = await signIn(trimmed);
      navigate(identity.role === 'coordinator' ? '/dashboard' : '/projects');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'unauthenticated') {
        show({ fields: { api_key: [`The platform does not accept this key: ${error.message}`] }, general: [] });
      } else {
        fail(error);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <h1>Sign in</h1>
      {notice && <p className="notice" role="status">{notice}</p>}
      <p>
        Sign in with your organisation's API key. The key decides what you see: implementation bodies and overseas
        partners their own projects, programme coordinators the whole programme. The key is kept only in this browser
        tab and forgotten when you sign out or close it.
      </p>
      <form ref={formRef} onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} />
        <TextField id="api-key" label="API key" path="api_key" errors={errors} required type="password"
          autoComplete="current-password" value={key} onChange={setKey} hint="It looks like exk_<id>_<secret>." />
        <button type="submit" disabled={busy}>{busy ? 'Signing in ...' : 'Sign in'}</button>
      </form>
      <p className="hint">Answering a survey? Open the link from your invitation e-mail: it needs no key.</p>
    </section>
  );
}
