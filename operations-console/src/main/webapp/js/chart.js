// Small SVG charts drawn with the DOM (no library, no inline style: classes from console.css).
const NS = 'http://www.w3.org/2000/svg';

function el(name, attributes = {}, text) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
}

function svg(width, height, label) {
    return el('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': label });
}

/** A share (0..1) over time: points [{at: Date, share}] between from and to. */
export function shareChart(container, points, from, to, label) {
    const W = 480, H = 180, L = 36, R = 8, T = 8, B = 24;
    const chart = svg(W, H, label + ': ' + (points.length
        ? 'latest ' + Math.round(points[points.length - 1].share * 100) + ' % connected' : 'no sweep recorded'));
    const x = t => L + (W - L - R) * (t - from) / (to - from);
    const y = v => T + (H - T - B) * (1 - v);
    for (const v of [0, .5, 1]) {
        chart.append(el('line', { class: 'axis', x1: L, x2: W - R, y1: y(v), y2: y(v) }));
        chart.append(el('text', { x: 2, y: y(v) + 4 }, Math.round(v * 100) + '%'));
    }
    chart.append(el('text', { x: L, y: H - 6 }, from.toLocaleString([], { dateStyle: 'short', timeStyle: 'short' })));
    chart.append(el('text', { x: W - R, y: H - 6, 'text-anchor': 'end' }, 'now'));
    if (points.length) {
        const line = points.map((p, i) => (i ? 'L' : 'M') + x(p.at).toFixed(1) + ',' + y(p.share).toFixed(1)).join(' ');
        if (points.length > 1) {
            chart.append(el('path', { class: 'area', d: line + ` L${x(points[points.length - 1].at).toFixed(1)},${y(0)} L${x(points[0].at).toFixed(1)},${y(0)} Z` }));
        }
        chart.append(el('path', { class: 'line', d: line }));
        for (const p of points.length < 60 ? points : []) {
            chart.append(el('circle', { class: 'bar', cx: x(p.at).toFixed(1), cy: y(p.share).toFixed(1), r: 2.5 },));
        }
    } else {
        chart.append(el('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle' }, 'No health sweep in this period'));
    }
    container.replaceChildren(chart);
}

/** Horizontal bars of percentages: [{label, value}] (value null: unknown). */
export function percentBars(container, bars, label) {
    const W = 480, row = 30, L = 50, R = 60;
    const chart = svg(W, row * bars.length + 6, label + ': ' + bars.map(b => b.label + ' ' + format(b.value)).join(', '));
    bars.forEach((b, i) => {
        const y = 4 + i * row;
        chart.append(el('text', { x: 0, y: y + 16 }, b.label));
        chart.append(el('rect', { class: 'axis', x: L, y, width: W - L - R, height: 20, fill: 'none' }));
        if (b.value != null) chart.append(el('rect', { class: 'bar', x: L, y, width: ((W - L - R) * b.value / 100).toFixed(1), height: 20 }));
        chart.append(el('text', { x: W - R + 6, y: y + 16 }, format(b.value)));
    });
    container.replaceChildren(chart);
}

function format(v) { return v == null ? 'n/a' : v.toFixed(1) + ' %'; }

/** The instance's status over [from, to]: changes oldest first [{at: Date, to}], starting in `initial`. */
export function statusStrip(container, changes, initial, from, to) {
    const W = 480, H = 44, B = 16;
    const chart = svg(W, H, 'Status over 30 days, ' + changes.length + ' changes');
    const x = t => W * Math.max(0, (t - from)) / (to - from);
    let state = initial, start = from;
    const segment = (a, b, s) => {
        const kind = s === 'connected' ? 'connected' : (s === 'disconnected' || s === 'missing') ? s : 'other';
        const r = el('rect', { class: 'seg-' + kind, x: x(a).toFixed(1), y: 0, width: Math.max(1, x(b) - x(a)).toFixed(1), height: H - B });
        r.append(el('title', {}, s || 'unknown'));
        chart.append(r);
    };
    for (const c of changes) {
        if (c.at > from) segment(start, c.at, state);
        start = c.at > from ? c.at : from;
        state = c.to;
    }
    segment(start, to, state);
    chart.append(el('text', { x: 0, y: H - 3 }, '30 days ago'));
    chart.append(el('text', { x: W, y: H - 3, 'text-anchor': 'end' }, 'now'));
    container.replaceChildren(chart);
}
