// The operations console: sign-in, Needs attention, Fleet, Duplicates & orphans, One instance; live through
// GET /maintenance/stream. Native JavaScript modules, no build step.
import { call, allIntegrations, claims, isExpired, session, whenSignedOut, SignedOut, Forbidden } from './api.js';
import { plainReason } from './reasons.js';
import { shareChart, percentBars, statusStrip } from './chart.js';
import { connect } from './live.js';

const $ = id => document.getElementById(id);
const state = { integrations: new Map(), alerts: [], runs: [], live: null, started: false };

// ---------- small DOM helpers (textContent only: nothing from the API is ever parsed as HTML)
function h(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attributes)) {
        if (v == null || v === false) continue;
        if (k === 'class') node.className = v;
        else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) if (c != null) node.append(c instanceof Node ? c : String(c));
    return node;
}
function when(iso) {
    if (!iso) return h('span', {}, '–');
    const at = new Date(iso);
    return h('time', { datetime: iso, title: at.toLocaleString() }, ago(at));
}
function ago(at) {
    const s = Math.round((Date.now() - at) / 1000);
    if (s < 60) return Math.max(s, 0) + ' s ago';
    if (s < 3600) return Math.round(s / 60) + ' min ago';
    if (s < 172800) return Math.round(s / 3600) + ' h ago';
    return Math.round(s / 86400) + ' days ago';
}
/** Which Evolution server holds the instance (the integration's evolution_server; "default" with one server). */
function serverOf(i) { return i.evolution_server || 'default'; }
/** Since when the integration is in its status: status_changed_at when the API gives it, else its last update. */
function sinceOf(i) { return i.status_changed_at || i.updated_at || ''; }
/** Where a restart can help (the server allows it for these only: POST /maintenance/instances/{name}/restart). */
const RESTARTABLE = ['connecting', 'disconnected'];
/** After a 401 or 403 WhatsApp ended the session: only a new QR scan helps, so no restart is offered (the server refuses it). */
function restartable(i) {
    const reason = i.disconnect_reason || '';
    return RESTARTABLE.includes(i.status) && !reason.endsWith('(401)') && !reason.endsWith('(403)');
}
/**
 * "Cannot send: <reason>" in the server's plain words (can_send, cannot_send_reason, restricted come from its one table
 * of close codes); a ban or a removal (restricted) stands out.
 */
function cannotSend(i) {
    if (i.can_send !== false) return null;
    return h('strong', { class: 'cannot-send' + (i.restricted ? ' restricted' : '') }, 'Cannot send: ' + (i.cannot_send_reason || i.status));
}
/** While monitoring is paused (PUT /integrations/{id}/monitoring): no alerts, no auto-heal until then. */
function paused(i) {
    if (!i.monitoring) return null;
    return h('span', { class: 'paused' }, 'Monitoring paused until ' + new Date(i.monitoring.paused_until).toLocaleString()
        + ': ' + i.monitoring.reason);
}
function statusBadge(status) { return h('span', { class: 'status status-' + status }, status); }
/** Connected in Evolution's eyes, but the liveness probe found it dead (health: zombie, since probe_failed_at). */
function zombie(i) { return i.status === 'connected' && i.health === 'zombie'; }
const ZOMBIE_REASON = 'Evolution says connected, but it does not answer: nothing arrives or leaves. The auto-heal restarts it.';
function toast(text) {
    const t = $('toast');
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { t.hidden = true; }, 6000);
}
function confirmDialog(title, body, okLabel) {
    const dialog = $('confirm');
    $('confirm-title').textContent = title;
    $('confirm-body').replaceChildren(...[body].flat());
    $('confirm-ok').textContent = okLabel;
    dialog.returnValue = '';
    dialog.showModal();
    $('confirm-cancel').focus();
    return new Promise(resolve => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true }));
}
async function guarded(work) {
    try {
        return await work();
    } catch (e) {
        if (e instanceof SignedOut) return undefined;
        if (e instanceof Forbidden) { show('forbidden'); return undefined; }
        toast(e.message);
        return undefined;
    }
}

// ---------- views
const VIEWS = ['signin', 'attention', 'fleet', 'orphans', 'instance', 'forbidden'];
function show(view) {
    for (const v of VIEWS) $(v).hidden = v !== view;
    for (const a of document.querySelectorAll('#nav a[data-view]')) {
        if (a.dataset.view === view) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    }
    const signedIn = view !== 'signin' && view !== 'forbidden';
    $('nav').hidden = !signedIn;
    $('session').hidden = view === 'signin';
}

function route() {
    if (!session.token() || !state.started) return;
    const [view, ...rest] = location.hash.slice(1).split('/');
    if (view === 'instance' && rest.length) { show('instance'); guarded(() => loadInstance(decodeURIComponent(rest.join('/')))); return; }
    const target = ['attention', 'fleet', 'orphans'].includes(view) ? view : 'attention';
    show(target);
    if (target === 'fleet') guarded(loadShare);
    if (target === 'orphans' && !state.orphansChecked) guarded(dryRun);
}

// ---------- sign-in
function signedOut(message) {
    if (state.live) state.live.stop();
    state.live = null;
    state.started = false;
    session.clear();
    const m = $('signin-message');
    m.textContent = message || '';
    m.hidden = !message;
    show('signin');
    $('token').focus();
}
whenSignedOut(signedOut);

async function signIn(token) {
    token = token.trim().replace(/^Bearer\s+/i, '');
    const c = claims(token);
    if (!c) return signedOut('That is not a JSON Web Token: paste the whole token (three parts separated by dots).');
    if (isExpired(token)) return signedOut('This token has expired: paste a new one.');
    session.save(token);
    try {
        await call('/maintenance/runs?limit=1');
    } catch (e) {
        if (e instanceof Forbidden) { show('forbidden'); session.clear(); return; }
        if (!(e instanceof SignedOut)) signedOut('The server could not be asked: ' + e.message);
        return;
    }
    $('who').textContent = c.upn || c.sub || '';
    $('signin-message').hidden = true;
    state.started = true;
    if (!location.hash || location.hash === '#signin') location.hash = '#attention';
    route();
    await guarded(loadAll);
    state.live = connect({
        onEvent: event => guarded(() => live(event)),
        onState: s => {
            const l = $('live-state');
            l.textContent = s === 'live' ? 'Live' : 'Polling (reconnecting)';
            l.className = 'live ' + (s === 'live' ? 'on' : 'polling');
            l.dataset.state = s;
        },
        poll: () => guarded(loadAll),
        onUnauthorized: () => signedOut(isExpired(token) ? 'Your token has expired: paste a new one.' : 'The server refused the token.'),
    });
}

// ---------- data
async function loadAll() {
    const [integrations, alerts, health, cleanup] = await Promise.all([
        allIntegrations(), call('/maintenance/alerts?limit=500'),
        call('/maintenance/runs?type=health&limit=5'), call('/maintenance/runs?type=cleanup&limit=5')]);
    state.integrations = new Map(integrations.map(i => [i.id, i]));
    state.alerts = alerts.alerts;
    state.runs = [...health.runs, ...cleanup.runs].sort((a, b) => b.started_at.localeCompare(a.started_at));
    renderAttention();
    renderFleet();
}

async function live(event) {
    const d = event.data || {};
    if (event.type === 'status') {
        if (d.type === 'instance.removed' || !d.integration_id) {
            if (d.integration_id) state.integrations.delete(d.integration_id);
        } else {
            try {
                const fresh = await call('/integrations/' + encodeURIComponent(d.integration_id));
                state.integrations.set(fresh.id, fresh);
            } catch (e) {
                if (e.status === 404) state.integrations.delete(d.integration_id); else throw e;
            }
        }
    } else if (event.type === 'alert') {
        const at = state.alerts.findIndex(a => a.id === d.id);
        if (at >= 0) state.alerts[at] = d; else state.alerts.unshift(d);
        state.alerts.sort((a, b) => b.raised_at.localeCompare(a.raised_at));
    } else if (event.type === 'run') {
        const at = state.runs.findIndex(r => r.id === d.id);
        if (at >= 0) state.runs[at] = d; else state.runs.unshift(d);
        state.runs.sort((a, b) => b.started_at.localeCompare(a.started_at));
        if (!$('fleet').hidden) await loadShare();
    }
    renderAttention();
    renderFleet();
    const current = $('instance').dataset.name;
    if (!$('instance').hidden && current && (d.instance_name === current || (d.instance_names || []).includes(current))) {
        await loadInstance(current);
    }
}

function lastAlert(instanceName) {
    return state.alerts.find(a => a.instance_name === instanceName || (a.instance_names || []).includes(instanceName));
}

// ---------- Needs attention
function renderAttention() {
    const rows = [...state.integrations.values()].filter(i => i.status !== 'connected' || zombie(i))
        .sort((a, b) => sinceOf(b).localeCompare(sinceOf(a)) || a.instance_name.localeCompare(b.instance_name));
    $('attention-count').textContent = rows.length;
    $('attention-count').classList.toggle('zero', rows.length === 0);
    $('attention-empty').hidden = rows.length > 0;
    $('attention-table').hidden = rows.length === 0;
    const body = $('attention-table').tBodies[0];
    body.replaceChildren(...rows.map(i => {
        const alert = lastAlert(i.instance_name);
        const link = '#instance/' + encodeURIComponent(i.instance_name);
        return h('tr', { 'data-instance': i.instance_name, 'data-id': i.id },
            h('td', { 'data-label': 'Organization' }, h('a', { href: link }, i.organization_id),
                h('span', { class: 'sub' }, i.instance_name)),
            h('td', { 'data-label': 'Status', class: 'status-cell' }, statusBadge(zombie(i) ? 'zombie' : i.status)),
            h('td', { 'data-label': 'Why', class: 'reason' }, cannotSend(i),
                zombie(i) ? ZOMBIE_REASON : plainReason(i.disconnect_reason, i.status),
                i.disconnect_reason ? h('span', { class: 'sub' }, i.disconnect_reason) : null, paused(i)),
            h('td', { 'data-label': 'Since', class: 'since' }, when(zombie(i) ? i.probe_failed_at : sinceOf(i))),
            h('td', { 'data-label': 'Evolution server', class: 'server' }, serverOf(i)),
            h('td', { 'data-label': 'Last alert', class: 'alert-cell' }, alert
                ? [h('span', { class: 'alert-state state-' + alert.state }, alert.state), ' ', h('span', { class: 'sub' }, alert.type, ' · ', ago(new Date(alert.raised_at)))]
                : '–'),
            h('td', { class: 'actions' },
                alert && alert.state === 'open'
                    ? h('button', { type: 'button', class: 'ack', onclick: () => guarded(() => acknowledge(alert)) }, 'Acknowledge') : null,
                ['disconnected', 'pending', 'connecting'].includes(i.status)
                    ? h('button', { type: 'button', class: 'secondary qr', onclick: () => guarded(() => showQr(i)) }, 'Show QR') : null,
                restartable(i)
                    ? h('button', { type: 'button', class: 'secondary restart', onclick: () => guarded(() => restart(i)) }, 'Restart') : null,
                i.status !== 'deleting'
                    ? h('button', { type: 'button', class: 'danger delete', onclick: () => guarded(() => remove(i)) }, 'Delete…') : null));
    }));
}

async function acknowledge(alert) {
    const done = await call('/maintenance/alerts/' + encodeURIComponent(alert.id) + '/acknowledge', { method: 'POST' });
    const at = state.alerts.findIndex(a => a.id === done.id);
    if (at >= 0) state.alerts[at] = done;
    renderAttention();
    toast('Alert acknowledged: no reminder will follow.');
}

async function showQr(integration) {
    $('qr-title').textContent = 'Pair ' + integration.organization_id + ' again';
    $('qr-body').replaceChildren(h('p', {}, 'Asking Evolution for a QR code…'));
    $('qr').showModal();
    try {
        const qr = await call('/integrations/' + encodeURIComponent(integration.id) + '/qr');
        $('qr-body').replaceChildren(
            h('p', {}, 'On the clinic\'s phone: WhatsApp → Linked devices → Link a device, then scan this code.'),
            qr.qr_base64 && qr.qr_base64.startsWith('data:image/') ? h('img', { src: qr.qr_base64, alt: 'QR code for ' + qr.instance_name }) : null,
            qr.pairing_code ? h('p', {}, 'Or enter the pairing code: ', h('strong', {}, qr.pairing_code)) : null);
    } catch (e) {
        if (e instanceof SignedOut) { $('qr').close(); return; }
        $('qr-body').replaceChildren(h('p', { class: 'message' }, e.message));
    }
}

async function restart(integration) {
    const answer = await call('/maintenance/instances/' + encodeURIComponent(integration.instance_name) + '/restart', { method: 'POST' });
    toast('Evolution restarted ' + answer.instance_name + ': the next webhook or sweep shows whether it came back.');
}

async function remove(integration) {
    const ok = await confirmDialog('Delete the integration of ' + integration.organization_id + '?',
        [h('p', {}, 'This logs out and deletes the Evolution instance ', h('code', {}, integration.instance_name),
            ' and the integration. The clinic will have to create and pair a new one.')], 'Delete');
    if (!ok) return;
    await call('/integrations/' + encodeURIComponent(integration.id), { method: 'DELETE' });
    state.integrations.delete(integration.id);
    renderAttention();
    renderFleet();
    toast('Deleted ' + integration.instance_name + '.');
}

// ---------- Fleet
function renderFleet() {
    const byStatus = new Map(), byServer = new Map();
    for (const i of state.integrations.values()) {
        byStatus.set(i.status, (byStatus.get(i.status) || 0) + 1);
        const server = serverOf(i);
        byServer.set(server, (byServer.get(server) || 0) + 1);
    }
    const counts = (map, id) => $(id).replaceChildren(...[...map.entries()].sort((a, b) => b[1] - a[1])
        .flatMap(([k, v]) => [h('dt', {}, id === 'by-status' ? statusBadge(k) : k), h('dd', { 'data-key': k }, v)]));
    counts(byStatus, 'by-status');
    counts(byServer, 'by-server');
    if (!byStatus.size) $('by-status').replaceChildren(h('dt', {}, 'No integration yet'), h('dd', {}, '0'));
    $('runs-table').tBodies[0].replaceChildren(...state.runs.slice(0, 10).map(r => {
        const seconds = r.completed_at ? (new Date(r.completed_at) - new Date(r.started_at)) / 1000 : null;
        return h('tr', { 'data-run': r.id },
            h('td', {}, r.type === 'health' ? 'Health sweep' : 'Orphan cleanup'),
            h('td', {}, when(r.started_at)),
            h('td', {}, h('span', { class: 'outcome outcome-' + r.outcome }, r.outcome)),
            h('td', {}, seconds == null ? 'running' : seconds.toFixed(2) + ' s'),
            h('td', {}, r.triggered_by),
            h('td', {}, runResult(r)));
    }));
}

function runResult(run) {
    const s = run.summary || {};
    if (s.skips) return 'skipped ' + s.skips + '×: ' + (s.reason || '');
    if (run.type === 'health' && s.total_instances != null) {
        return `${s.healthy}/${s.total_instances} connected, ${s.status_changes} changed, ${s.errors} errors`;
    }
    if (run.type === 'cleanup' && s.orphaned_evolution_instances) {
        if (s.aborted) return 'aborted: ' + s.abort_reason;
        return `${s.orphaned_evolution_instances.deleted} instances and ${s.orphaned_db_records.deleted} rows deleted`;
    }
    return s.reason || '';
}

async function loadShare() {
    const now = new Date();
    const share = await call('/maintenance/fleet/connected-share?hours=168');
    const points = share.points.map(p => ({ at: new Date(p.at), share: p.share }));
    const day = new Date(now - 24 * 3600e3), week = new Date(now - 7 * 24 * 3600e3);
    shareChart($('share-24h'), points.filter(p => p.at >= day), day, now, 'Connected share, last 24 hours');
    shareChart($('share-7d'), points, week, now, 'Connected share, last 7 days');
}

// ---------- Duplicates & orphans
async function dryRun() {
    $('orphans-state').textContent = 'Asking Evolution and the database (a dry run: nothing changes)…';
    const report = await call('/maintenance/orphaned-instances/check');
    state.orphansChecked = report;
    const list = (id, items, render) => $(id).replaceChildren(...(items.length ? items.map(render) : [h('li', { class: 'none' }, 'None')]));
    list('orphan-instances', report.orphaned_evolution_instances, n => h('li', { 'data-name': n }, n));
    list('orphan-rows', report.orphaned_db_records, r => h('li', { 'data-name': r.instance_name },
        r.instance_name, h('span', { class: 'sub' }, r.organization_id + ' · ' + r.status)));
    list('duplicates', report.duplicate_numbers, d => h('li', {}, d.phone_number + ': ',
        ...d.instances.flatMap((n, k) => [k ? ', ' : '', h('a', { href: '#instance/' + encodeURIComponent(n) }, n)])));
    const candidates = report.orphaned_evolution_instances.length + report.orphaned_db_records.length;
    $('cleanup').disabled = candidates === 0;
    $('orphans-state').textContent = `Dry run at ${new Date().toLocaleTimeString()}: Evolution lists ${report.evolution_instances} instances, `
        + `the database has ${report.db_records} rows; a cleanup would delete ${candidates}.`;
}

async function cleanup() {
    const report = state.orphansChecked || await dryRun() || state.orphansChecked;
    const names = [...report.orphaned_evolution_instances.map(n => 'Evolution instance ' + n),
        ...report.orphaned_db_records.map(r => 'integration row ' + r.instance_name + ' (' + r.organization_id + ')')];
    const ok = await confirmDialog('Delete ' + names.length + (names.length === 1 ? ' orphan?' : ' orphans?'), [
        h('p', {}, 'The cleanup will delete what the dry run found (each is looked up again just before deletion):'),
        h('ul', { class: 'names', id: 'confirm-list' }, ...names.map(n => h('li', {}, n)))], 'Delete them');
    if (!ok) return;
    $('orphans-state').textContent = 'Cleaning up…';
    const answer = await call('/maintenance/cleanup-orphaned-instances', { method: 'POST' });
    const s = answer.cleanup_summary;
    $('cleanup-result').textContent = s.aborted ? 'Aborted: ' + s.abort_reason
        : `Deleted ${s.orphaned_evolution_instances.deleted} Evolution instances and ${s.orphaned_db_records.deleted} rows `
        + `(${s.orphaned_evolution_instances.failed + s.orphaned_db_records.failed} failed, ${s.orphaned_evolution_instances.skipped + s.orphaned_db_records.skipped} skipped) in ${s.duration_seconds} s.`;
    await dryRun();
}

// ---------- One instance
async function loadInstance(name) {
    const view = $('instance');
    view.dataset.name = name;
    $('instance-title').textContent = name;
    const integration = [...state.integrations.values()].find(i => i.instance_name === name);
    const history = await call('/maintenance/instances/' + encodeURIComponent(name) + '/history').catch(e => {
        if (e.status === 404) return null; throw e;
    });
    const facts = $('instance-facts');
    facts.replaceChildren(
        h('dt', {}, 'Organization'), h('dd', {}, integration ? integration.organization_id : '–'),
        h('dt', {}, 'Status'), h('dd', { id: 'instance-status' }, statusBadge(integration ? integration.status : (history ? history.status : 'unknown'))),
        h('dt', {}, 'Can send'), h('dd', { id: 'instance-can-send' }, integration
            ? (integration.can_send ? 'Yes' : cannotSend(integration)) : '–'),
        h('dt', {}, 'Why'), h('dd', {}, integration ? plainReason(integration.disconnect_reason, integration.status) || '–' : '–'),
        h('dt', {}, 'Monitoring'), h('dd', { id: 'instance-monitoring' }, integration ? (paused(integration) || 'On') : '–'),
        h('dt', {}, 'Phone number'), h('dd', {}, integration && integration.phone_number || '–'),
        h('dt', {}, 'Evolution server'), h('dd', {}, integration ? serverOf(integration) : '–'),
        h('dt', {}, 'Created'), h('dd', {}, when(integration && integration.created_at)));
    if (history) {
        percentBars($('uptime-chart'), [{ label: '24 h', value: history.uptime['24h'] }, { label: '7 d', value: history.uptime['7d'] },
            { label: '30 d', value: history.uptime['30d'] }], 'Uptime');
        const now = new Date(), from = new Date(now - 30 * 86400e3);
        const oldestFirst = [...history.changes].reverse().map(c => ({ at: new Date(c.at), to: c.to, from: c.from }));
        statusStrip($('timeline-strip'), oldestFirst, oldestFirst.length ? oldestFirst[0].from : history.status, from, now);
        $('timeline').replaceChildren(...(history.changes.length ? history.changes.map(c => h('li', { class: 'change' },
            when(c.at), ': ', c.from || 'new', ' → ', statusBadge(c.to),
            c.reason ? ' — ' + plainReason(c.reason, c.to) + ' (' + c.reason + ')' : '', h('span', { class: 'sub' }, 'seen by ' + c.source)))
            : [h('li', {}, 'No status change in 30 days.')]));
    } else {
        $('uptime-chart').replaceChildren(h('p', {}, 'No history recorded for this instance.'));
        $('timeline-strip').replaceChildren();
        $('timeline').replaceChildren();
    }
    const alerts = state.alerts.filter(a => a.instance_name === name || (a.instance_names || []).includes(name));
    $('instance-alerts').replaceChildren(...(alerts.length ? alerts.map(a => h('li', {},
        h('span', { class: 'alert-state state-' + a.state }, a.state), ' ', a.type, ' ', when(a.raised_at),
        a.reason ? ' — ' + plainReason(a.reason) : '', a.acknowledged_by ? h('span', { class: 'sub' }, 'acknowledged by ' + a.acknowledged_by) : null))
        : [h('li', {}, 'No alert.')]));
    if (integration) {
        const audit = await call('/integrations/audit?limit=200&organization_id=' + encodeURIComponent(integration.organization_id));
        const entries = audit.entries.filter(e => !e.instance_name || e.instance_name === name);
        $('instance-audit').replaceChildren(...(entries.length ? entries.map(e => h('li', {}, when(e.at), ' ', h('strong', {}, e.action),
            ' by ', e.actor, e.reason ? h('span', { class: 'sub' }, e.reason) : null)) : [h('li', {}, 'No audit entry.')]));
    } else {
        $('instance-audit').replaceChildren(h('li', {}, 'The integration no longer exists.'));
    }
}

// ---------- wiring
$('signin-form').addEventListener('submit', event => {
    event.preventDefault();
    const token = $('token').value;
    $('token').value = '';
    signIn(token);
});
$('sign-out').addEventListener('click', () => signedOut('Signed out.'));
$('forbidden-out').addEventListener('click', () => signedOut(''));
$('dry-run').addEventListener('click', () => guarded(dryRun));
$('cleanup').addEventListener('click', () => guarded(cleanup));
window.addEventListener('hashchange', route);
setInterval(() => { if (!$('attention').hidden) renderAttention(); }, 30000);   // "n min ago" stays true

if (session.token()) signIn(session.token()); else show('signin');
