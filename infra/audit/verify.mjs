// Checks the audit log from rows on stdin (one JSON object per line: every seal in seal order with its event, then
// the events without a seal), exactly as AuditLog.java does in SQL:
//   event hash = sha256(join('|', previous hash, time, subject, role, action, object type, object id, result, reason)),
//     nulls left out (previous hash is null for events written since V13, the old chain's prior before);
//   seal hash = sha256(join('|', previous seal hash, event id, event hash)), chained in seal order;
//   an event without a seal older than the grace period (the `stale` flag) breaks the log.
// Argument: the newest seal hash expected, or ''.
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';

const expectNewest = process.argv[2] || '';
const sha = (parts) => createHash('sha256').update(parts.filter((v) => v !== null).join('|'), 'utf8').digest('hex');
let prior = '0'.repeat(64);
let rows = 0;
let pending = 0;
let broken = null; // the smallest event id found broken, as the backend reports it
const breaks = (id, why) => { if (broken === null || id < broken.id) broken = { id, why }; };
for await (const line of createInterface({ input: process.stdin })) {
  if (!line) continue;
  const r = JSON.parse(line);
  if (r.id !== null) {
    rows++;
    const own = sha([r.previous_hash, r.at, r.subject, r.role, r.action, r.object_type, r.object_id, r.result, r.reason]);
    if (r.hash !== own) breaks(r.id, 'this row was changed');
  }
  if (r.seal_id !== null) {
    if (r.id === null) breaks(r.event_id, 'this row was removed');
    else if (r.seal_previous_hash !== prior || r.seal_hash !== sha([prior, String(r.event_id), r.hash])) {
      breaks(r.event_id, r.seal_previous_hash !== prior ? 'a seal before it was removed or changed' : 'this row was re-hashed');
    }
    prior = r.seal_hash;
  } else if (r.stale) {
    breaks(r.id, 'not sealed');
  } else {
    pending++;
  }
}
if (broken) {
  console.log(`BROKEN at audit_event ${broken.id}: ${broken.why}`);
  process.exit(1);
}
if (expectNewest && expectNewest !== prior) {
  console.log(`BROKEN: the newest seal hash is ${prior}, expected ${expectNewest} (newest seals removed?)`);
  process.exit(1);
}
console.log(`INTACT: ${rows} rows, ${pending} not sealed yet, newest seal hash ${prior}`);
