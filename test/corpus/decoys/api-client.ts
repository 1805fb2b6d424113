// Browser/SDK client code: it reads statuses, it never sends one.
import axios, { AxiosError, InternalAxiosRequestConfig } from 'axios';
import { tokenStore } from './token-store';

export class ApiError extends Error {
  constructor(public readonly status: number, message: string) {
    super(message);
  }
}

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`/api${path}`, {
    ...init,
    headers: { ...init.headers, Authorization: `Bearer ${tokenStore.access}` },
  });
  if (res.status === 401) {
    const challenge = res.headers.get('WWW-Authenticate') ?? '';
    if (challenge.includes('invalid_token')) {
      await tokenStore.refresh();
      return apiFetch<T>(path, init);
    }
    window.location.assign('/login');
  }
  if (res.status === 403) {
    throw new ApiError(403, 'Forbidden');
  }
  if (!res.ok) throw new ApiError(res.status, await res.text());
  return res.json() as Promise<T>;
}

export function describe(status: number): string {
  switch (status) {
    case 401:
      return 'Please sign in again.';
    case 403:
      return 'You do not have access to this page.';
    case 407:
      return 'Your network proxy requires authentication.';
    default:
      return 'Something went wrong.';
  }
}

export const http = axios.create({ baseURL: '/api' });

http.interceptors.response.use(
  (response) => response,
  async (error: AxiosError) => {
    const status = error.response?.status;
    const config = error.config as InternalAxiosRequestConfig & { _retry?: boolean };
    if (status === 401 && !config._retry) {
      config._retry = true;
      await tokenStore.refresh();
      return http(config);
    }
    if (status === 403 || status === 407) {
      console.warn('access denied', status);
    }
    return Promise.reject(error);
  },
);

// A plain error without a status: this is not a 401 response.
export function requireToken(): string {
  if (!tokenStore.access) throw new Error('Unauthorized');
  return tokenStore.access;
}

// Builds a fake Response for an offline cache hit; status 200, no auth involved.
export function cachedResponse(body: string): Response {
  return new Response(body, { status: 200, headers: { 'X-Cache': 'HIT' } });
}
