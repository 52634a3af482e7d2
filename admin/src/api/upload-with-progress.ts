// An upload that reports how much is sent, which fetch cannot: XMLHttpRequest with the session's
// change headers (CSRF), answering like the typed client (the body on the expected status, an
// ApiError with the server's code and message otherwise). Used by the subscriber CSV import and
// the asset import.
import { ApiError, changeHeaders, NETWORK_ERROR } from './client.ts';

export function uploadWithProgress(
  url: string,
  body: XMLHttpRequestBodyInit,
  options: { expect: number; contentType?: string; onProgress(sent: number): void },
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    for (const [name, value] of Object.entries(changeHeaders())) request.setRequestHeader(name, value);
    if (options.contentType) request.setRequestHeader('content-type', options.contentType);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) options.onProgress(event.loaded / event.total);
    });
    request.upload.addEventListener('load', () => options.onProgress(1));
    request.addEventListener('error', () => reject(new ApiError(0, NETWORK_ERROR, 'network error')));
    request.addEventListener('load', () => {
      let answer: unknown;
      try {
        answer = JSON.parse(request.responseText);
      } catch {
        answer = undefined;
      }
      if (request.status === options.expect) return resolve(answer);
      const error = (answer as { error?: { code: string; message: string } } | undefined)?.error;
      reject(
        new ApiError(
          request.status,
          error?.code ?? 'unexpected_response',
          error?.message ?? request.statusText,
        ),
      );
    });
    request.send(body);
  });
}
