// disconnect_reason in plain words: what happened and what the clinic or the operator can do (docs/api.md's table
// of close codes). The key is the reason without its code, so "device_removed (401)" finds "device_removed".
const WORDS = {
    device_removed: 'Removed from the phone: the clinic must scan a new QR code',
    logout: 'Logged out through Evolution: the clinic must scan a new QR code',
    logged_out: 'Logged out (cause unknown): the clinic must scan a new QR code',
    temporarily_banned: 'Temporarily banned by WhatsApp: the clinic must contact WhatsApp',
    forbidden: 'Refused by WhatsApp: the clinic must contact WhatsApp and pair again',
    banned: 'Banned by WhatsApp: the clinic must contact WhatsApp',
    conflict: 'Opened elsewhere: the same session is online on another device; remove the other session',
    connection_closed: 'Connection closed: Evolution reconnects by itself; wait, or the auto-heal restarts it',
    connection_lost: 'Connection lost: Evolution reconnects by itself; wait, or the auto-heal restarts it',
    bad_session: 'Bad session: Evolution reconnects by itself; wait, or the auto-heal restarts it',
    restart_required: 'Restart required: Evolution reconnects by itself; wait, or the auto-heal restarts it',
    multidevice_mismatch: 'Multi-device mismatch: Evolution reconnects by itself; wait, or the auto-heal restarts it',
    unavailable_service: 'WhatsApp unavailable: Evolution reconnects by itself; wait',
    qr_refused: 'Nobody scanned the QR code in time: show a new QR code',
    qr_limit_reached: 'Nobody scanned the QR codes in time: show a new QR code',
    'missing from Evolution': 'Gone from Evolution: create the integration again',
};

const BY_STATUS = {
    pending: 'Created, never paired: the clinic must scan the QR code',
    connecting: 'Connecting: waiting for WhatsApp',
    missing: 'Gone from Evolution: create the integration again',
    deleting: 'Being deleted',
    disconnected: 'Disconnected (no reason recorded)',
};

export function plainReason(reason, status) {
    if (!reason) return BY_STATUS[status] || '';
    const key = reason.replace(/\s*\(\d+\)\s*$/, '').trim();
    if (WORDS[key]) return WORDS[key];
    const code = /\((\d+)\)/.exec(reason);
    return code ? 'Closed by WhatsApp with code ' + code[1] : reason;
}
