// GET /maintenance/stream read with fetch() and a stream reader, so that the token travels in the Authorization
// header (EventSource cannot send one, and the token never goes into a URL). Reconnects by itself with backoff,
// resuming after the last event id; while the stream is down, the page polls instead.
import { session } from './api.js';

export function connect({ onEvent, onState, poll, pollEvery = 5000, onUnauthorized }) {
    let stopped = false, controller = null, lastId = null, attempt = 0, pollTimer = null;

    const startPolling = () => {
        if (pollTimer || stopped) return;
        onState('polling');
        pollTimer = setInterval(() => poll().catch(() => {}), pollEvery);
    };
    const stopPolling = () => { clearInterval(pollTimer); pollTimer = null; };

    async function run() {
        while (!stopped) {
            controller = new AbortController();
            try {
                const headers = { 'Authorization': 'Bearer ' + session.token(), 'Accept': 'text/event-stream' };
                if (lastId) headers['Last-Event-ID'] = lastId;
                const answer = await fetch('/maintenance/stream', { headers, signal: controller.signal, cache: 'no-store',
                    credentials: 'omit', referrerPolicy: 'no-referrer' });
                if (answer.status === 401) { onUnauthorized(); return; }
                if (!answer.ok || !answer.body) throw new Error('HTTP ' + answer.status);
                attempt = 0;
                stopPolling();
                onState('live');
                poll().catch(() => {});   // whatever happened while we were away
                await read(answer.body, event => {
                    if (event.id) lastId = event.id;
                    if (event.type !== 'ping') onEvent(event);
                });
                throw new Error('stream ended');
            } catch (e) {
                if (stopped) return;
                startPolling();
                attempt++;
                const wait = Math.min(30000, 1000 * 2 ** Math.min(attempt - 1, 5));
                await new Promise(resolve => setTimeout(resolve, wait));
            }
        }
    }

    run();
    return { stop() { stopped = true; stopPolling(); if (controller) controller.abort(); } };
}

/** Parses text/event-stream (id, event, data lines; a blank line ends an event; ':' lines are comments). */
async function read(body, handle) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let event = { data: [] };
    for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let newline;
        while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
            const line = buffer.slice(0, newline);
            buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
            if (line === '') {
                if (event.data.length || event.type) {
                    let data = event.data.join('\n');
                    try { data = JSON.parse(data); } catch { /* plain text */ }
                    handle({ id: event.id, type: event.type || 'message', data });
                }
                event = { data: [] };
            } else if (!line.startsWith(':')) {
                const colon = line.indexOf(':');
                const field = colon < 0 ? line : line.slice(0, colon);
                const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
                if (field === 'data') event.data.push(text);
                else if (field === 'event') event.type = text;
                else if (field === 'id') event.id = text;
            }
        }
    }
}
