// Lint: TypeScript rules plus the folder boundaries of DESIGN §3, enforced rather than promised.
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import { readdirSync } from 'node:fs';

/**
 * The layers inside cloudfunctions/_core (DESIGN §3, docs/architecture.md). Arrows point down:
 * pipeline → authz → repositories → runtime; commands → authz, repositories, presenters, ports;
 * runtime is the floor (SDK client, log, time, hashing) and imports no other layer.
 */
const core = (folder) => `./cloudfunctions/_core/${folder}`;
/** Every deployed function: a folder of cloudfunctions/ not starting with `_`. */
const functionNames = readdirSync(new URL('./cloudfunctions/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
  .map((entry) => entry.name);
const coreLayers = [
  {
    target: core('runtime'),
    from: ['pipeline', 'authz', 'commands', 'presenters', 'repositories', 'ports', 'jobs', 'ledger', 'documents', 'privacy'].map(core),
    message: 'runtime/ is the floor of _core (SDK client, log, time, hashing): it imports no other layer.',
  },
  {
    target: ['repositories', 'authz', 'presenters', 'ports', 'jobs', 'ledger', 'documents', 'privacy', 'commands'].map(core),
    from: core('pipeline'),
    message: 'pipeline/ is the top of the request path: nothing below it imports it.',
  },
  {
    target: ['repositories', 'presenters', 'ports', 'jobs', 'ledger', 'documents', 'privacy'].map(core),
    from: core('commands'),
    message: 'Commands are use cases: the layers below never import them.',
  },
  {
    target: core('repositories'),
    from: ['authz', 'presenters', 'ports', 'jobs', 'ledger', 'documents'].map(core),
    message: 'Repositories know collections, queries and indexes only (STYLE 5).',
  },
  {
    target: core('authz'),
    from: ['presenters', 'ports', 'jobs', 'ledger', 'documents'].map(core),
    message: 'authz/ loads and authorizes over repositories; it imports no presenter, port or job.',
  },
  // A use case folder imports its own folder, never another function's commands.
  ...functionNames.map((fn) => ({
    target: core(`commands/${fn}`),
    from: core('commands'),
    except: [`./${fn}`],
    message: `commands/${fn}/ never imports another function's commands: share through authz/, repositories/ or presenters/.`,
  })),
  // …and touches no collection itself: repositories do (no database() in a use case).
  ...functionNames.map((fn) => ({
    target: core(`commands/${fn}`),
    from: [core('runtime/cloudbase.ts'), core('repositories/collections.ts')],
    message: 'Commands never touch collections: read and write through repositories/<collection>.ts.',
  })),
];

const boundaries = {
  'import-x/no-restricted-paths': [
    'error',
    {
      zones: [
        {
          target: './src/shared',
          from: ['./src', './cloudfunctions'],
          // …but the refusals' Chinese texts: locale data files that import nothing, read by
          // src/shared/domainErrors so the server's message comes from the locale catalogue
          // (DESIGN §10; docs/errors.md). The main package's groups, and the parts that load with
          // subpackages (src/locales/errors.zh-CN.ts says why they are apart).
          except: ['./shared', './locales/errors.zh-CN.ts', './locales/errors.volunteer.zh-CN.ts', './locales/errors.staff.zh-CN.ts', './locales/errors.needs.zh-CN.ts', './locales/errors.care.zh-CN.ts'],
          message: 'src/shared is the isomorphic contract: it imports nothing from the app or the functions.',
        },
        { target: './src', from: './cloudfunctions', message: 'Pages never import cloud function code.' },
        {
          target: './cloudfunctions',
          from: './src',
          except: ['./shared'],
          message: 'Functions import only src/shared from src/.',
        },
        { target: './cloudfunctions/_core', from: './cloudfunctions/_local', message: '_core never imports _local.' },
        ...coreLayers,
        // The app's layers (DESIGN §3): a subpackage loads after the main package and must not pull
        // a main-package page into itself; the transport imports no store (the settings store hands
        // it the locale); shared components know no page or subpackage.
        { target: './src/package-*/**', from: './src/pages/**', message: 'Subpackages never import main-package pages: move the shared piece to src/components, src/hooks or src/utils.' },
        { target: './src/services', from: './src/stores', message: 'Services import no store: the store hands them what they need (see src/services/locale.ts).' },
        {
          target: './src/components',
          from: ['./src/pages/**', './src/package-*/**'],
          message: 'Shared components import no page or subpackage: pass what they need as props.',
        },
      ],
    },
  ],
};

/**
 * node-sdk sends no transaction id with `where().update()`, `where().remove()`, `count()` or
 * `aggregate()` (@cloudbase/database query.js / collection.js): called on a transaction's
 * collection they run outside it, and survive its rollback. The runtime guard in
 * _core/runtime/transactions.ts throws on them; this finds them before a test does.
 */
const TX = "/^(tx|trx|transaction)$/";
const outsideTransaction = 'node-sdk runs this outside the transaction (no transaction id is sent): use doc(id).update()/remove() or where().updateAndReturn() inside it, and count or aggregate outside.';
const leakSelectors = [
  {
    // tx.collection(…).where(…)[.limit(…)…].update/remove/count(…); doc(id) writes are transactional.
    selector: `CallExpression[callee.property.name=/^(update|remove|count)$/]:has(CallExpression[callee.property.name='where']):has(CallExpression[callee.property.name='collection'][callee.object.name=${TX}]):not(:has(CallExpression[callee.property.name='doc']))`,
    message: outsideTransaction,
  },
  {
    selector: `CallExpression[callee.property.name=/^(update|remove|count|aggregate)$/][callee.object.type='CallExpression'][callee.object.callee.property.name='collection'][callee.object.callee.object.name=${TX}]`,
    message: outsideTransaction,
  },
];
/**
 * …and every transaction is opened by runtime/transactions.ts inTransaction, which hands the work
 * the guarded transaction: one opened anywhere else would have no guard.
 */
const unguardedTransaction = {
  selector: "CallExpression[callee.property.name=/^(runTransaction|startTransaction)$/]",
  message: 'Open transactions with inTransaction (runtime/transactions.ts): its transaction refuses the calls node-sdk would send outside it.',
};
const transactionLeaks = { 'no-restricted-syntax': ['error', ...leakSelectors, unguardedTransaction] };

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'cloudfunctions/*/index.js', '.linli-data/**', 'coverage/**', 'docs/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] })] },
    rules: {
      ...boundaries,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  { files: ['cloudfunctions/**/*.ts'], rules: transactionLeaks },
  // The one place that opens them; the emulator answers the protocol and opens none.
  { files: ['cloudfunctions/_core/runtime/transactions.ts'], rules: { 'no-restricted-syntax': ['error', ...leakSelectors] } },
  {
    // Commands read typed repositories and zod-parsed values: a type assertion (`as T`) would hide a
    // wrong shape. Narrow with a function or a type guard instead (`as const` stays allowed).
    files: ['cloudfunctions/_core/commands/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }] },
  },
  {
    // Presenters are pure views: what needs the data key is opened (or masked) in the command or
    // authz/ and handed in. The masks of stored values (maskNickname) stay usable.
    files: ['cloudfunctions/_core/presenters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '../privacy/personalData',
              importNames: ['openPersonal', 'sealPersonal', 'blindIndex', 'contactAsSeen'],
              message: 'Presenters are pure: open sealed values in the command or authz/ and pass plain values in.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@tarojs/*', 'react', 'react-dom', '@cloudbase/*', '@nutui/*'], message: 'src/shared imports no Taro, React or SDK.' }] },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
