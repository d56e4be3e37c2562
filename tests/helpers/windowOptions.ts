/**
 * Reads the options object written at `new BrowserWindow({...})` in a source file, with the TypeScript
 * compiler: literal values as they are, anything computed as `{ expression: '<source text>' }`. The
 * Electron module cannot be loaded here, so the settings are checked where they are written.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';

export type OptionValue = boolean | number | string | { expression: string } | { [key: string]: OptionValue };

function valueOf(node: ts.Expression, source: ts.SourceFile): OptionValue {
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isObjectLiteralExpression(node)) return objectOf(node, source);
  return { expression: node.getText(source) };
}

function objectOf(node: ts.ObjectLiteralExpression, source: ts.SourceFile): { [key: string]: OptionValue } {
  const result: { [key: string]: OptionValue } = {};
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property)) result[property.name.getText(source)] = valueOf(property.initializer, source);
    else if (ts.isShorthandPropertyAssignment(property)) result[property.name.text] = { expression: property.name.text };
    else if (ts.isSpreadAssignment(property)) result[`...${property.expression.getText(source)}`] = { expression: property.expression.getText(source) };
  }
  return result;
}

/** Every `new BrowserWindow(<object literal>)` in the file, as data. */
export function browserWindowOptions(path: string): Array<{ [key: string]: OptionValue }> {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Array<{ [key: string]: OptionValue }> = [];
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && node.expression.getText(source) === 'BrowserWindow') {
      const [options] = node.arguments ?? [];
      found.push(options && ts.isObjectLiteralExpression(options) ? objectOf(options, source) : { '...': { expression: options?.getText(source) ?? '' } });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
