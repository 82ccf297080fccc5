// The token and every call to the APIs. The token lives in sessionStorage (this tab only) and travels only in the
// Authorization header to this origin: never in a URL, never in a cookie.
const KEY = 'console.token';

export class SignedOut extends Error {}
export class Forbidden extends Error {}

export const session = {
    token: () => sessionStorage.getItem(KEY),
    save: (token) => sessionStorage.setItem(KEY, token),
    clear: () => sessionStorage.removeItem(KEY),
};

/** The token's claims, read without verifying it (the server verifies; this only shapes the page). */
export function claims(token) {
    try {
        const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        const json = atob(part + '='.repeat((4 - part.length % 4) % 4));
        return JSON.parse(decodeURIComponent(Array.from(json, c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join('')));
    } catch {
        return null;
    }
}

let onSignedOut = () => {};
export function whenSignedOut(handler) { onSignedOut = handler; }

/** fetch() with the token; a 401 signs out (with the server's words), a problem becomes an Error with its detail. */
export async function call(path, { method = 'GET', body, accept = 'application/json' } = {}) {
    const token = session.token();
    if (!token) throw new SignedOut('Sign in first.');
    const headers = { 'Authorization': 'Bearer ' + token, 'Accept': accept };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const answer = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer' });
    if (answer.status === 401) {
        const problem = await answer.json().catch(() => ({}));
        const expired = isExpired(token);
        onSignedOut(expired ? 'Your token has expired: paste a new one.'
            : 'The server refused the token' + (problem.detail ? ': ' + problem.detail : '.'));
        throw new SignedOut('401');
    }
    if (answer.status === 403) throw new Forbidden('403');
    if (answer.status === 204) return null;
    const type = answer.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await answer.json() : await answer.text();
    if (!answer.ok) {
        const error = new Error((data && data.detail) || (data && data.title) || ('HTTP ' + answer.status));
        error.status = answer.status;
        throw error;
    }
    return data;
}

export function isExpired(token) {
    const c = claims(token);
    return !!(c && typeof c.exp === 'number' && c.exp * 1000 < Date.now());
}

/** Every integration: GET /integrations a page of 1000 at a time, following next_cursor. */
export async function allIntegrations() {
    const all = [];
    let cursor = null;
    do {
        const page = await call('/integrations?limit=1000' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
        all.push(...page.integrations);
        cursor = page.next_cursor;
    } while (cursor);
    return all;
}
