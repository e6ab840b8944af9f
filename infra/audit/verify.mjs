// Recomputes the audit chain from rows on stdin (one JSON object per line, ordered by id):
// hash = sha256(join('|', previous hash, time, subject, role, action, object type, object id, result, reason)),
// nulls left out, exactly as PostgreSQL's concat_ws in AuditLog.java. Argument: the newest hash expected, or ''.
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';

const expectNewest = process.argv[2] || '';
let prior = '0'.repeat(64);
let rows = 0;
for await (const line of createInterface({ input: process.stdin })) {
  if (!line) continue;
  const r = JSON.parse(line);
  const fields = [prior, r.at, r.subject, r.role, r.action, r.object_type, r.object_id, r.result, r.reason]
    .filter((v) => v !== null);
  const expected = createHash('sha256').update(fields.join('|'), 'utf8').digest('hex');
  if (r.previous_hash !== prior || r.hash !== expected) {
    console.log(`BROKEN at audit_event ${r.id}: ${r.previous_hash !== prior ? 'a row before it was removed or changed' : 'this row was changed'}`);
    process.exit(1);
  }
  prior = r.hash;
  rows++;
}
if (expectNewest && expectNewest !== prior) {
  console.log(`BROKEN: the newest hash is ${prior}, expected ${expectNewest} (newest rows removed?)`);
  process.exit(1);
}
console.log(`INTACT: ${rows} rows, newest hash ${prior}`);
