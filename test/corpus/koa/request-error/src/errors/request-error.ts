// The app's one error class: the caller picks the status, the error middleware answers it.
export type RequestErrorInput = { code: string; status?: number };

export default class RequestError extends Error {
  status: number;
  code: string;

  constructor(input: RequestErrorInput | string) {
    const { code, status = 400 } = typeof input === 'string' ? { code: input } : input;
    super(code);
    this.code = code;
    this.status = status;
  }
}
