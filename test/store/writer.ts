// A child process for the concurrency and crash tests: appends one assessment per transaction
// and prints "ack ID" only after the transaction has committed.
import { openDatabase } from '../../src/store/db/database.js';
import { parseDbUrl } from '../../src/store/db/url.js';
import { assessment } from '../../src/core/testing/fixtures.js';

const [url = '', prefix = 'w', countText = '10'] = process.argv.slice(2);
const location = parseDbUrl(url);
if (!location.ok) throw new Error(location.error.message);
const db = await openDatabase(location.value, { isMigrating: false });
if (!db.ok) throw new Error(db.error.message);
const count = Number(countText);
for (let i = 0; i < count; i++) {
  const id = `${prefix}-${i}`;
  const result = await db.value.write({ audit: { actor: 'test', operation: 'write' },  records: { assessments: [assessment(id, 'A', 'C1.a', '2021-01-01', (i % 4) as 0 | 1 | 2 | 3)] }, recordedAt: '2026-01-01T00:00:00Z' });
  if (!result.ok) throw new Error(`${id}: ${result.error.message}`);
  process.stdout.write(`ack ${id}\n`);
}
await db.value.close();
