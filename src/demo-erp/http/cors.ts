import type { IncomingHttpHeaders } from 'node:http';

const ALLOW_METHODS = 'GET, POST, OPTIONS';
const ALLOW_HEADERS = 'Authorization, X-API-Key, Content-Type, Prefer, OData-MaxVersion, OData-Version';
/** Exposed on every response: browsers only let a page read these when the actual response names them. */
const EXPOSE_HEADERS = 'Link, Retry-After, X-Total-Count, OData-Version, Preference-Applied, WWW-Authenticate';

/** The CORS headers every response carries: the caller's origin echoed (any origin may read the demo). */
export function corsHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return {
    'access-control-allow-origin': headers.origin ?? '*',
    vary: 'Origin',
    'access-control-expose-headers': EXPOSE_HEADERS,
  };
}

/** The answer to a preflight, whatever the path: the demo allows every origin. */
export function preflightHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return {
    ...corsHeaders(headers),
    'access-control-allow-methods': ALLOW_METHODS,
    'access-control-allow-headers': ALLOW_HEADERS,
    'access-control-max-age': '600',
  };
}
