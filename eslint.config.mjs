// Lint: TypeScript rules plus the folder boundaries of DESIGN §3, enforced rather than promised.
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

const boundaries = {
  'import-x/no-restricted-paths': [
    'error',
    {
      zones: [
        {
          target: './src/shared',
          from: ['./src', './cloudfunctions'],
          except: ['./shared'],
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
      ],
    },
  ],
};

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
