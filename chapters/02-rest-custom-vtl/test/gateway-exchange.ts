/**
 * The requests the behaviour tests send to the local gateway, and what they read of the answers.
 *
 * @module
 */
import { request } from 'undici';

/** An origin the stack does not allow. */
export const OTHER_ORIGIN = 'https://not-allowed.example';

/** Sends one request and reads the whole answer. */
export async function exchange(
  url: string,
  method: 'GET' | 'OPTIONS' | 'POST',
  headers: Record<string, string> = {},
) {
  const response = await request(url, { method, headers });
  const body = await response.body.text();
  return { status: response.statusCode, headers: response.headers, body };
}

/** The response headers whose name starts with `access-control-`, by name. */
export function corsHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith('access-control-')));
}

/** The URL `relative` names from `url`, the invoke URL of the stage. */
export const path = (url: string, relative: string) => new URL(relative, url).href;
