import RequestError from '#src/errors/request-error.js';

export function assertThat(value: unknown, error: RequestError | string, status?: number): asserts value {
  if (!value) {
    throw error instanceof RequestError ? error : new RequestError({ code: error, status });
  }
}
