/**
 * The error-taxonomy codemod's transform (one source text in, one out), kept apart from the CLI
 * (apply-error-taxonomy.ts) so tests can run it on strings. It rewrites
 * `new AppError('<CODE>', <message>[, <issues>])` into the catalogue factory whose code, message
 * and issues it reproduces exactly (src/shared/domainErrors), and leaves anything else as it is.
 * It reads the syntax tree with the TypeScript compiler API, never regexes over code, so
 * multi-line calls and template literals are matched by structure.
 */
import ts from 'typescript';
import { messageOf, zhIssueTextOf } from '../../src/shared/domainErrors/catalogue';
import type { ErrorCase } from '../../src/shared/domainErrors/defineErrors';

/** One catalogue case as the codemod needs it: where its factory lives and what it produces. */
export interface CodemodEntry {
  group: string;
  key: string;
  reason: string;
  errorCase: ErrorCase;
}

/** A call site left as it was, with why. */
export interface Unmapped {
  line: number;
  code: string;
  message: string;
  why: string;
}

export interface RewriteResult {
  text: string;
  mapped: number;
  unmapped: Unmapped[];
}

/** A message split into literal text and holes: `lits.length === holes.length + 1`. */
interface Parts {
  lits: string[];
  holes: string[];
}

/** `'已有 {total} 人'` → lits ['已有 ', ' 人'], holes ['total'] (holes are placeholder names). */
function patternParts(pattern: string): Parts {
  const lits: string[] = [];
  const holes: string[] = [];
  let rest = pattern;
  for (let match = /\{(\w+)\}/.exec(rest); match; match = /\{(\w+)\}/.exec(rest)) {
    lits.push(rest.slice(0, match.index));
    holes.push(match[1]!);
    rest = rest.slice(match.index + match[0].length);
  }
  lits.push(rest);
  return { lits, holes };
}

/** A source expression split the same way (holes are expression texts); any other expression is one hole. */
function expressionParts(node: ts.Expression, file: ts.SourceFile): Parts {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { lits: [node.text], holes: [] };
  if (ts.isTemplateExpression(node)) {
    return { lits: [node.head.text, ...node.templateSpans.map((span) => span.literal.text)], holes: node.templateSpans.map((span) => span.expression.getText(file)) };
  }
  return { lits: ['', ''], holes: [node.getText(file)] };
}

/** Matches an expression against a pattern, adding to `bindings` (placeholder → expression text); false on any mismatch. */
function matchInto(node: ts.Expression, pattern: string, file: ts.SourceFile, bindings: Map<string, string>): boolean {
  const want = patternParts(pattern);
  const have = expressionParts(node, file);
  if (want.holes.length !== have.holes.length) return false;
  if (want.lits.some((lit, index) => lit !== have.lits[index])) return false;
  for (const [index, name] of want.holes.entries()) {
    const text = have.holes[index]!;
    const bound = bindings.get(name);
    if (bound !== undefined && bound !== text) return false;
    bindings.set(name, text);
  }
  return true;
}

/** The one `{ path, message }` issue of an issues argument, or null when it has another shape. */
function singleIssue(node: ts.Expression): { path: ts.Expression; message: ts.Expression } | null {
  if (!ts.isArrayLiteralExpression(node) || node.elements.length !== 1) return null;
  const object = node.elements[0]!;
  if (!ts.isObjectLiteralExpression(object) || object.properties.length !== 2) return null;
  const values = new Map<string, ts.Expression>();
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name)) values.set(property.name.text, property.initializer);
    else if (ts.isShorthandPropertyAssignment(property)) values.set(property.name.text, property.name);
    else return null;
  }
  const path = values.get('path');
  const message = values.get('message');
  return path && message ? { path, message } : null;
}

/** The bindings when `entry` reproduces this call exactly, else null. */
function matchEntry(entry: CodemodEntry, code: string, message: ts.Expression, issues: ts.Expression | undefined, file: ts.SourceFile): Map<string, string> | null {
  const errorCase = entry.errorCase;
  if (errorCase.code !== code) return null;
  const bindings = new Map<string, string>();
  if (!matchInto(message, messageOf(entry.reason, errorCase), file, bindings)) return null;
  const field = errorCase.field;
  if (!field) return issues ? null : bindings;
  const issue = issues ? singleIssue(issues) : null;
  if (!issue) return null;
  if (!matchInto(issue.path, field.path, file, bindings) || !matchInto(issue.message, zhIssueTextOf(entry.reason), file, bindings)) return null;
  return bindings;
}

/** `signupErrors.tooYoung({ minAge: activity.minAge })`; shorthand where the expression is the name. */
function factoryCall(entry: CodemodEntry, bindings: Map<string, string>): string {
  if (bindings.size === 0) return `${entry.group}.${entry.key}()`;
  const params = [...bindings].map(([name, text]) => (name === text ? name : `${name}: ${text}`));
  return `${entry.group}.${entry.key}({ ${params.join(', ')} })`;
}

/** A message as the report shows it. */
function shownMessage(node: ts.Expression | undefined, file: ts.SourceFile): string {
  if (!node) return '(none)';
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : node.getText(file).replace(/\s+/g, ' ');
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The replacement of one message expression (a conditional maps branch by branch), or why not. */
function replacementOf(
  entries: readonly CodemodEntry[],
  code: string,
  message: ts.Expression,
  issues: ts.Expression | undefined,
  file: ts.SourceFile,
  groups: Set<string>,
): { text: string } | { why: string } {
  if (ts.isConditionalExpression(message) && !issues) {
    const whenTrue = replacementOf(entries, code, message.whenTrue, undefined, file, groups);
    const whenFalse = replacementOf(entries, code, message.whenFalse, undefined, file, groups);
    if ('why' in whenTrue) return whenTrue;
    if ('why' in whenFalse) return whenFalse;
    return { text: `${message.condition.getText(file)} ? ${whenTrue.text} : ${whenFalse.text}` };
  }
  const matches = entries.flatMap((entry) => {
    const bindings = matchEntry(entry, code, message, issues, file);
    return bindings ? [{ entry, bindings }] : [];
  });
  if (matches.length === 0) return { why: 'no catalogue case has this code, message and issues' };
  if (matches.length > 1) return { why: `ambiguous: ${matches.map((m) => m.entry.reason).join(', ')}` };
  const [{ entry, bindings }] = matches as [{ entry: CodemodEntry; bindings: Map<string, string> }];
  groups.add(entry.group);
  return { text: factoryCall(entry, bindings) };
}

/** The import declaration of `specifier` (resolved like the file's other relative imports), if any. */
function importFrom(file: ts.SourceFile, specifier: string): ts.ImportDeclaration | undefined {
  return file.statements.find(
    (statement): statement is ts.ImportDeclaration =>
      ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text.replace(/\/index$/, '') === specifier,
  );
}

/** Text of an import with these named specifiers (kept in the order given). */
function importText(names: readonly string[], specifier: string, typeOnly: boolean): string {
  return `import ${typeOnly ? 'type ' : ''}{ ${names.join(', ')} } from '${specifier}';`;
}

/** How `AppError` is still used outside imports: not at all, only as a type, or as a value. */
function appErrorUse(file: ts.SourceFile): 'none' | 'type' | 'value' {
  let use: 'none' | 'type' | 'value' = 'none';
  const inType = (node: ts.Node): boolean => {
    for (let up = node.parent; up; up = up.parent) if (ts.isTypeNode(up)) return true;
    return false;
  };
  const visit = (node: ts.Node): void => {
    if (use === 'value' || ts.isImportDeclaration(node)) return;
    if (ts.isIdentifier(node) && node.text === 'AppError') use = inType(node) ? 'type' : 'value';
    ts.forEachChild(node, visit);
  };
  visit(file);
  return use;
}

/**
 * Adds the factory groups' import; where nothing uses `AppError` as a value any more, drops it
 * from the imports or makes it a type import (the lint's consistent-type-imports).
 */
function fixImports(text: string, fileName: string, specifier: string, groups: ReadonlySet<string>): string {
  let file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const edits: Edit[] = [];
  const use = appErrorUse(file);
  if (use !== 'value') {
    for (const statement of file.statements) {
      if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
      const named = statement.importClause?.namedBindings;
      if (!named || !ts.isNamedImports(named) || statement.importClause?.name) continue;
      const target = named.elements.find((element) => element.name.text === 'AppError' && !element.isTypeOnly);
      if (!target) continue;
      const kept = named.elements.flatMap((element) => (element !== target ? [element.getText(file)] : use === 'type' ? ['type AppError'] : []));
      const moduleText = (statement.moduleSpecifier as ts.StringLiteral).text;
      const allTypes = kept.every((name) => name.startsWith('type '));
      const replacement = kept.length === 0 ? '' : importText(allTypes ? kept.map((name) => name.slice('type '.length)) : kept, moduleText, allTypes);
      const end = kept.length === 0 && text[statement.end] === '\n' ? statement.end + 1 : statement.end;
      edits.push({ start: statement.getStart(file), end, text: replacement });
    }
  }
  text = applyEdits(text, edits);
  if (groups.size === 0) return text;
  file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const existing = importFrom(file, specifier);
  const named = existing?.importClause?.namedBindings;
  if (existing && named && ts.isNamedImports(named) && !existing.importClause?.isTypeOnly && !existing.importClause?.name) {
    const have = named.elements.map((element) => element.getText(file));
    const names = [...have, ...[...groups].filter((group) => !have.includes(group))].sort((a, b) => a.localeCompare(b));
    return applyEdits(text, [{ start: existing.getStart(file), end: existing.end, text: importText(names, (existing.moduleSpecifier as ts.StringLiteral).text, false) }]);
  }
  const imports = file.statements.filter(ts.isImportDeclaration);
  const last = imports[imports.length - 1];
  const line = importText([...groups].sort((a, b) => a.localeCompare(b)), specifier, false);
  if (last) return applyEdits(text, [{ start: last.end, end: last.end, text: `\n${line}` }]);
  return `${line}\n${text}`;
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/**
 * Rewrites one file. `specifier` is the import path of src/shared/domainErrors as seen from this
 * file (the CLI computes it per file, so moved files still get a correct path).
 */
export function rewriteSource(fileName: string, text: string, specifier: string, entries: readonly CodemodEntry[]): RewriteResult {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const edits: Edit[] = [];
  const unmapped: Unmapped[] = [];
  const groups = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'AppError') {
      const [codeArg, message, issues, extra] = node.arguments ?? [];
      const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
      const code = codeArg && ts.isStringLiteral(codeArg) ? codeArg.text : null;
      const report = (why: string) => unmapped.push({ line, code: code ?? codeArg?.getText(file) ?? '(none)', message: shownMessage(message, file), why });
      if (!code || !message) report('the code is not a string literal');
      else if (extra) report('a fourth argument (the case is set already)');
      else {
        const result = replacementOf(entries, code, message, issues, file, groups);
        if ('why' in result) report(result.why);
        else {
          // A conditional needs brackets except where it stands alone (throw x; return x; (x)).
          const bare = ts.isConditionalExpression(message) && !(ts.isThrowStatement(node.parent) || ts.isReturnStatement(node.parent) || ts.isParenthesizedExpression(node.parent));
          edits.push({ start: node.getStart(file), end: node.end, text: bare ? `(${result.text})` : result.text });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (edits.length === 0) return { text, mapped: 0, unmapped };
  return { text: fixImports(applyEdits(text, edits), fileName, specifier, groups), mapped: edits.length, unmapped };
}
