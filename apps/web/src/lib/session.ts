import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { LoginResponse, MeResponse } from '@taizhang/contracts';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, getJson, postJson, setCsrfToken } from './api-client';
import { forgetSelectedPlan } from './selected-plan';

const SESSION_KEY = ['session'];

/** The signed-in user, or null when nobody is. */
export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async (): Promise<MeResponse | null> => {
      try {
        const me = await getJson<MeResponse>('/api/auth/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.body.statusCode === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { username: string; password: string }) =>
      postJson<LoginResponse>('/api/auth/login', credentials),
    onSuccess: (r) => {
      setCsrfToken(r.csrfToken);
      client.setQueryData(['session'], { ...r.user, csrfToken: r.csrfToken });
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => postJson<void>('/api/auth/logout'),
    onSettled: () => endSession(client),
  });
}

/** Signed out: nobody is signed in, and the pages, which watch the session, give way to the sign-in screen. */
function endSession(client: QueryClient): void {
  setCsrfToken(null);
  client.setQueryData(SESSION_KEY, null);
}

const isUnauthorized = (error: unknown) => error instanceof ApiError && error.body.statusCode === 401;

/**
 * When a session ends — signed out here, or any answer 401 (expired, signed out elsewhere, access changed) —
 * nothing of that user may stay: every other cached query goes, the plan chosen in this tab too, and the app
 * returns to the sign-in screen at the start, so the next person does not land on the last one's page.
 * (QueryClient.clear() is not enough: a page's mounted queries keep showing their data until they re-render.)
 */
export function useEndOfSession(): void {
  const client = useQueryClient();
  const navigate = useNavigate();
  useEffect(() => {
    let signedIn = Boolean(client.getQueryData(SESSION_KEY));
    // A 401 may answer a request sent before signing in: the server, asked again, says whether the session ended.
    const onError = (error: unknown) => {
      if (signedIn && isUnauthorized(error)) void client.invalidateQueries({ queryKey: SESSION_KEY });
    };
    const stopQueries = client.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated') return;
      if (event.action.type === 'error') onError(event.action.error);
      if (event.query.queryKey[0] !== SESSION_KEY[0]) return;
      const now = Boolean(event.query.state.data);
      if (signedIn && !now) {
        client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
        forgetSelectedPlan();
        void navigate('/', { replace: true });
      }
      signedIn = now;
    });
    const stopMutations = client.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
    });
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [client, navigate]);
}
