import type { Language } from './language.ts';

/** A message a person can read, in each language the product speaks. */
export interface Message {
  nb: string;
  nn: string;
  en: string;
}

export interface ErrorDetail {
  /** Where the problem is, as a path into the request: "location.lat", "answers.depth". */
  field: string;
  code: string;
  message: Message;
}

/**
 * An error the client caused or can act on. Every HTTP error leaves the server in one shape,
 * `{ error: { code, message, details } }`, rendered in the caller's language.
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly localized: Message;
  readonly details: ErrorDetail[];

  constructor(status: number, code: string, message: Message, details: ErrorDetail[] = []) {
    super(message.en);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.localized = message;
    this.details = details;
  }
}

export function renderMessage(message: Message, language: Language): string {
  return message[language];
}
