// Controllers answer with a status and a body; the routes send them.
export interface Result {
  status: number;
  body: unknown;
}

export async function getSession(headers: Record<string, string | undefined>): Promise<Result> {
  if (!headers.authorization) {
    return { status: 401, body: { error: 'missing token' } };
  }
  return { status: 200, body: { token: headers.authorization } };
}

export async function getHealth(): Promise<Result> {
  return { status: 200, body: { ok: true } };
}
