/**
 * The credit ledger at 1M entries: appending a double-entry posting (a transfer between two
 * residents in one optimistic transaction: read both accounts, check the balance, write both
 * balances, two entries and the posting) from 8 concurrent callers, and reading a balance —
 * through the real `_core` code over node-sdk and the emulator, against the same transaction
 * and the same point read done directly on better-sqlite3.
 */
import Database from 'better-sqlite3';
import tcb from '@cloudbase/node-sdk';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { summarise, timeOp, type Row } from '../harness';
import type { BenchContext } from '../run';

const ACCOUNTS = 10_000;
const ENTRIES = 1_000_000;
const APPENDS = 2_000;

export async function ledgerScenarios(ctx: BenchContext): Promise<Row[]> {
  const group = 'Credit ledger at 1M entries (10k resident accounts)';
  const db = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y', serviceUrl: `${ctx.cloud.url}/tcb/admin` }).database();
  const at = new Date(Date.UTC(2026, 0, 1));
  // History: 500k earnings of 2 credits each, issued by one community, as 1M entries.
  for (let start = 0; start < ENTRIES; start += 1000) {
    await db.collection('ledger_entries').add(
      Array.from({ length: 1000 }, (_, k) => {
        const i = start + k;
        const posting = Math.floor(i / 2);
        const resident = i % 2 === 1;
        return {
          _id: `bench-earn-${posting}-${i % 2}`,
          postingId: `bench-earn-${posting}`,
          accountId: resident ? `res-bench-${posting % ACCOUNTS}` : 'iss-bench-community',
          accountKind: resident ? 'resident' : 'issuance',
          ownerId: resident ? `bench-${posting % ACCOUNTS}` : 'bench-community',
          amount: resident ? 2 : -2,
          kind: 'earned',
          memo: '基准',
          expiresAt: resident ? new Date(at.getTime() + 3 * 365 * 86_400_000) : null,
          createdAt: new Date(at.getTime() + posting * 1000),
        };
      }),
    );
  }
  const perAccount = ((ENTRIES / 2) * 2) / ACCOUNTS;
  for (let start = 0; start < ACCOUNTS; start += 1000) {
    await db.collection('ledger_accounts').add(
      Array.from({ length: 1000 }, (_, k) => ({
        _id: `res-bench-${start + k}`,
        kind: 'resident',
        ownerId: `bench-${start + k}`,
        balance: perAccount,
        nextExpiryAt: new Date(at.getTime() + 3 * 365 * 86_400_000),
        createdAt: at,
        updatedAt: at,
      })),
    );
  }

  process.env.TCB_ENV = 'local';
  process.env.TCB_SERVICE_URL = `${ctx.cloud.url}/tcb/admin`;
  process.env.LINLI_PLATFORM = 'local';
  const { applyPosting } = await import('../../../cloudfunctions/_core/ledger/posting');
  const { balanceOf } = await import('../../../cloudfunctions/_core/ledger/accounts');
  const { inTransaction } = await import('../../../cloudfunctions/_core/runtime/transactions');

  const pairOf = (i: number) => [(i * 7919) % ACCOUNTS, (i * 7919 + 4999) % ACCOUNTS] as const;
  const started = performance.now();
  const append = await timeOp(
    async (i) => {
      if (i < 0) return;
      const [from, to] = pairOf(i);
      await inTransaction((tx) =>
        applyPosting(
          tx,
          {
            id: `bench-xfer-${i}`,
            memo: '基准转赠',
            by: 'bench',
            ref: {},
            legs: [
              { kind: 'resident', ownerId: `bench-${from}`, amount: -1, entryKind: 'transfer_out' },
              { kind: 'resident', ownerId: `bench-${to}`, amount: 1, entryKind: 'transfer_in', expiresAt: null },
            ],
          },
          new Date(),
        ),
      );
    },
    { iterations: APPENDS, concurrency: 8, warmup: 0 },
  );
  const appendsPerSecond = APPENDS / ((performance.now() - started) / 1000);
  const reads = await timeOp((i) => balanceOf('resident', `bench-${Math.abs(i * 31) % ACCOUNTS}`), { iterations: 2000, concurrency: 8 });

  // Baseline: the same transfer and point read on better-sqlite3, same shapes of rows.
  const raw = new Database(join(ctx.dir, 'ledger-baseline.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec(`CREATE TABLE accounts (id TEXT PRIMARY KEY, balance INTEGER, updated TEXT);
    CREATE TABLE entries (id TEXT PRIMARY KEY, posting TEXT, account TEXT, amount INTEGER, created TEXT);
    CREATE INDEX entries_account ON entries (account, created);
    CREATE TABLE postings (id TEXT PRIMARY KEY, legs TEXT);`);
  const addAccount = raw.prepare('INSERT INTO accounts VALUES (?, ?, ?)');
  const addEntry = raw.prepare('INSERT INTO entries VALUES (?, ?, ?, ?, ?)');
  raw.transaction(() => {
    for (let a = 0; a < ACCOUNTS; a += 1) addAccount.run(`res-${a}`, perAccount, at.toISOString());
    for (let i = 0; i < ENTRIES; i += 1) addEntry.run(`e-${i}`, `p-${Math.floor(i / 2)}`, i % 2 ? `res-${Math.floor(i / 2) % ACCOUNTS}` : 'iss', i % 2 ? 2 : -2, at.toISOString());
  })();
  const getPosting = raw.prepare('SELECT 1 FROM postings WHERE id = ?');
  const getBalance = raw.prepare('SELECT balance FROM accounts WHERE id = ?');
  const setBalance = raw.prepare('UPDATE accounts SET balance = ?, updated = ? WHERE id = ?');
  const addPosting = raw.prepare('INSERT INTO postings VALUES (?, ?)');
  const transfer = raw.transaction((i: number) => {
    const id = `x-${i}`;
    if (getPosting.get(id)) return;
    const [from, to] = pairOf(i);
    const a = (getBalance.get(`res-${from}`) as { balance: number }).balance;
    const b = (getBalance.get(`res-${to}`) as { balance: number }).balance;
    if (a < 1) throw new Error('insufficient');
    const now = new Date().toISOString();
    setBalance.run(a - 1, now, `res-${from}`);
    setBalance.run(b + 1, now, `res-${to}`);
    addEntry.run(`${id}-0`, id, `res-${from}`, -1, now);
    addEntry.run(`${id}-1`, id, `res-${to}`, 1, now);
    addPosting.run(id, '[]');
  });
  const rawStarted = performance.now();
  const rawAppend = await timeOp((i) => i >= 0 && transfer(i), { iterations: APPENDS, warmup: 0 });
  const rawPerSecond = APPENDS / ((performance.now() - rawStarted) / 1000);
  const rawReads = await timeOp((i) => getBalance.get(`res-${Math.abs(i * 31) % ACCOUNTS}`), { iterations: 2000 });
  raw.close();

  return [
    summarise(group, `append a transfer posting (8 callers): ${appendsPerSecond.toFixed(0)} postings/s`, append, {
      baseline: { name: `same transaction on SQLite, ${rawPerSecond.toFixed(0)}/s`, median: rawAppend[Math.floor(rawAppend.length / 2)]! },
    }),
    summarise(group, 'balance read (8 callers)', reads, { baseline: { name: 'SQLite point read', median: rawReads[Math.floor(rawReads.length / 2)]! } }),
  ];
}
