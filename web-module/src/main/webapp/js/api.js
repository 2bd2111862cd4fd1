// REST calls with the session cookie and the session's CSRF token.
let csrfToken = null;
let sessionEnded = () => {};

export function useCsrfToken(token) {
  csrfToken = token;
}

// Called once the server says the session is gone (401): signed out elsewhere, expired, or the
// node forgot it. The page then says so and offers to sign in again.
export function onSessionEnded(callback) {
  sessionEnded = callback;
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Every command carries an Idempotency-Key. When the answer is lost on the way (the network
// dropped, the server was restarting) the same command is sent again with the same key, and the
// server answers what the first one did instead of running it twice.
export async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const command = method === 'POST';
  if (command) headers['Idempotency-Key'] = crypto.randomUUID();
  const attempts = command || method === 'GET' ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    let response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
    } catch (e) {
      if (attempt < attempts) { await pause(500 * attempt); continue; }
      throw e;
    }
    if (response.status === 503 && attempt < attempts) {
      await pause(Math.min(5, Number(response.headers.get('Retry-After')) || 1) * 1000);
      continue;
    }
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = null; }
    if (!response.ok) {
      if (response.status === 401) sessionEnded();
      const error = new Error((json && (json.detail || json.title)) || response.statusText);
      error.status = response.status;
      error.code = json && json.code;
      throw error;
    }
    return json;
  }
}

// Whether the session still holds (a stream error alone cannot tell a network blip from a 401).
export async function sessionAlive() {
  try {
    const response = await fetch('/api/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    return response.status !== 401;
  } catch {
    return true; // the network, not the session
  }
}
