/**
 * A Genesys-style API error: the routes layer turns it into an ErrorBody
 * `{message, code, status, contextId, details, errors, messageWithParams?, messageParams?}`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageParams?: Record<string, string>,
    readonly messageWithParams?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const NOT_FOUND_MESSAGE = "The requested resource was not found.";

export function notFound(message: string = NOT_FOUND_MESSAGE): ApiError {
  return new ApiError(404, "not.found", message);
}

/** 400 `invalid.value`; when the message names the field, it is also given as a message parameter. */
export function invalidValue(field: string, message: string): ApiError {
  if (!message.includes(field)) return new ApiError(400, "invalid.value", message);
  return new ApiError(400, "invalid.value", message, { field }, message.replace(field, "{field}"));
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, "bad.request", message);
}

/** Default ErrorBody code for an HTTP status, used by fault injection and generic failures. */
export function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return "bad.request";
    case 401:
      return "bad.credentials";
    case 403:
      return "missing.permissions";
    case 404:
      return "not.found";
    case 405:
      return "method.not.allowed";
    case 408:
      return "client.timeout";
    case 409:
      return "general.conflict";
    case 410:
      return "gone";
    case 413:
      return "request.entity.too.large";
    case 415:
      return "unsupported.media.type";
    case 429:
      return "too.many.requests.retry.after";
    case 501:
      return "not.implemented";
    case 503:
      return "service.unavailable";
    case 504:
      return "request.timeout";
    default:
      return status >= 500 ? "internal.server.error" : "bad.request";
  }
}

export function messageForStatus(status: number): string {
  switch (status) {
    case 400:
      return "The request could not be understood by the server due to malformed syntax.";
    case 401:
      return "Invalid login credentials.";
    case 403:
      return "You are not authorized to perform the requested action.";
    case 404:
      return NOT_FOUND_MESSAGE;
    case 408:
      return "The client did not produce a request within the server timeout limit.";
    case 409:
      return "Conflict";
    case 503:
      return "Service Unavailable - The server is currently unavailable (because it is overloaded or down for maintenance).";
    case 504:
      return "The request timed out.";
    default:
      return status >= 500
        ? "The server encountered an unexpected condition which prevented it from fulfilling the request."
        : "Request failed.";
  }
}

/** An error of the OAuth token endpoint: `{error, description, error_description}` (GO `AuthErrorResponse`). */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
    this.name = "OAuthError";
  }
}
