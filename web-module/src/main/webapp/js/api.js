// REST calls with the session cookie and the session's CSRF token.
let csrfToken = null;

export function useCsrfToken(token) {
  csrfToken = token;
}

export async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error((json && (json.detail || json.title)) || response.statusText);
    error.status = response.status;
    error.code = json && json.code;
    throw error;
  }
  return json;
}
