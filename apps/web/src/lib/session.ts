import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginResponse, MeResponse } from '@taizhang/contracts';
import { ApiError, getJson, postJson, setCsrfToken } from './api-client';

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
    mutationFn: (credentials: { username: string; password: string }) => postJson<LoginResponse>('/api/auth/login', credentials),
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
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(['session'], null);
    },
  });
}
