import { dateToMs, QueryError, tokenize, type LiteralType, type Token } from './filter-tokens.ts';
import {
  findField,
  type Cell,
  type FieldType,
  type ResourceDefinition,
  type Row,
} from './resources.ts';

export { QueryError } from './filter-tokens.ts';

type Comparison = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type FilterNode =
  | { kind: 'literal'; type: LiteralType; value: string | number | boolean | null }
  | { kind: 'property'; name: string; type: FieldType }
  | { kind: 'logical'; operator: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'comparison'; operator: Comparison; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode };

const MAX_NESTING = 100;
const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const EDM_NAMES: Record<FieldType | LiteralType, string> = {
  guid: 'Edm.Guid',
  string: 'Edm.String',
  int: 'Edm.Int32',
  decimal: 'Edm.Decimal',
  number: 'Edm.Decimal',
  datetime: 'Edm.DateTime',
  bool: 'Edm.Boolean',
  null: 'null',
};
/** Recursive-descent parser for the OData v3 $filter subset the sandbox supports. */
class FilterParser {
  private index = 0;
  private depth = 0;
  private readonly tokens: Token[];
  private readonly resource: ResourceDefinition;

  constructor(text: string, resource: ResourceDefinition) {
    this.tokens = tokenize(text);
    this.resource = resource;
  }

  parse(): FilterNode {
    if (this.tokens.length === 0) {
      throw new QueryError('The $filter expression is empty.');
    }
    const node = this.parseOr();
    const rest = this.tokens[this.index];
    if (rest !== undefined) {
      throw new QueryError(`Syntax error at position ${rest.at} in $filter.`);
    }
    requireBoolean(node);
    return node;
  }

  private peekWord(...words: string[]): boolean {
    const token = this.tokens[this.index];
    return token?.kind === 'word' && words.includes(token.text);
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.peekWord('or')) {
      this.index += 1;
      const right = this.parseAnd();
      left = {
        kind: 'logical',
        operator: 'or',
        left: requireBoolean(left),
        right: requireBoolean(right),
      };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseComparison();
    while (this.peekWord('and')) {
      this.index += 1;
      const right = this.parseComparison();
      left = {
        kind: 'logical',
        operator: 'and',
        left: requireBoolean(left),
        right: requireBoolean(right),
      };
    }
    return left;
  }

  private parseComparison(): FilterNode {
    const left = this.parseUnary();
    const token = this.tokens[this.index];
    if (token?.kind !== 'word' || !COMPARISONS.has(token.text)) {
      return left;
    }
    this.index += 1;
    const right = this.parseUnary();
    const operator = token.text as Comparison;
    checkComparable(left, right, operator);
    return { kind: 'comparison', operator, left, right };
  }

  private parseUnary(): FilterNode {
    // SECURITY: bounds the recursion, so a crafted $filter gets a 400 instead of a stack overflow.
    if (this.depth >= MAX_NESTING) {
      throw new QueryError(
        `The $filter expression is nested more than ${MAX_NESTING} levels deep.`,
      );
    }
    this.depth += 1;
    try {
      if (this.peekWord('not')) {
        this.index += 1;
        return { kind: 'not', operand: requireBoolean(this.parseUnary()) };
      }
      return this.parsePrimary();
    } finally {
      this.depth -= 1;
    }
  }

  private parsePrimary(): FilterNode {
    const token = this.tokens[this.index];
    if (token === undefined) {
      throw new QueryError('Expression expected at the end of $filter.');
    }
    this.index += 1;

    if (token.kind === 'open') {
      const inner = this.parseOr();
      if (this.tokens[this.index]?.kind !== 'close') {
        throw new QueryError(
          `')' or operator expected at position ${this.tokens[this.index]?.at ?? 'end'} in $filter.`,
        );
      }
      this.index += 1;
      return inner;
    }
    if (token.kind === 'literal') {
      return { kind: 'literal', type: token.type, value: token.value };
    }
    if (token.kind === 'word') {
      // NOTE: OData v3 functions (substringof, startswith, tolower...) are not implemented,
      // although Cobra's OData stack probably supports them.
      if (this.tokens[this.index]?.kind === 'open') {
        throw new QueryError(
          `Unknown function '${token.text}' at position ${token.at} in $filter.`,
        );
      }
      const name = findField(this.resource, token.text);
      if (name === undefined) {
        throw new QueryError(
          `Could not find a property named '${token.text}' on type 'Cobra.${this.resource.name}'.`,
        );
      }
      return { kind: 'property', name, type: this.resource.fields[name]! };
    }
    throw new QueryError(`Expression expected at position ${token.at} in $filter.`);
  }
}

function typeOf(node: FilterNode): FieldType | LiteralType | 'boolean-expression' {
  if (node.kind === 'literal' || node.kind === 'property') {
    return node.type;
  }
  return 'boolean-expression';
}

function requireBoolean(node: FilterNode): FilterNode {
  const type = typeOf(node);
  if (type !== 'boolean-expression' && type !== 'bool') {
    throw new QueryError(
      `The $filter expression must evaluate to a Boolean, not '${EDM_NAMES[type]}'.`,
    );
  }
  return node;
}

/** The comparable family of a type: numbers compare with numbers, dates with dates. */
function family(type: FieldType | LiteralType): string {
  return type === 'int' || type === 'decimal' ? 'number' : type;
}

function checkComparable(left: FilterNode, right: FilterNode, operator: Comparison): void {
  const leftType = typeOf(left);
  const rightType = typeOf(right);
  if (leftType === 'boolean-expression' || rightType === 'boolean-expression') {
    throw new QueryError(
      `Operator '${operator}' needs a property or literal on both sides in $filter.`,
    );
  }
  if (leftType === 'null' || rightType === 'null' || family(leftType) === family(rightType)) {
    return;
  }
  throw new QueryError(
    `A binary operator with incompatible types was detected. Found operand types ` +
      `'${EDM_NAMES[leftType]}' and '${EDM_NAMES[rightType]}' for operator kind '${operator}'.`,
  );
}

export function parseFilter(text: string, resource: ResourceDefinition): FilterNode {
  return new FilterParser(text, resource).parse();
}

function valueOf(node: FilterNode, row: Row): Cell {
  if (node.kind === 'literal') {
    return node.value;
  }
  if (node.kind === 'property') {
    const value = row[node.name] ?? null;
    if (value === null) {
      return null;
    }
    if (node.type === 'datetime') {
      return dateToMs(value as string);
    }
    return node.type === 'guid' ? (value as string).toLowerCase() : value;
  }
  return evaluateFilter(node, row);
}

function compare(operator: Comparison, left: Cell, right: Cell): boolean {
  if (operator === 'eq') {
    return left === right;
  }
  if (operator === 'ne') {
    return left !== right;
  }
  if (left === null || right === null) {
    return false;
  }
  switch (operator) {
    case 'gt':
      return left > right;
    case 'ge':
      return left >= right;
    case 'lt':
      return left < right;
    default:
      return left <= right;
  }
}

/** Returns whether a row matches a parsed $filter. */
export function evaluateFilter(node: FilterNode, row: Row): boolean {
  switch (node.kind) {
    case 'logical': {
      const left = evaluateFilter(node.left, row);
      return node.operator === 'and'
        ? left && evaluateFilter(node.right, row)
        : left || evaluateFilter(node.right, row);
    }
    case 'not':
      return !evaluateFilter(node.operand, row);
    case 'comparison':
      return compare(node.operator, valueOf(node.left, row), valueOf(node.right, row));
    default:
      return valueOf(node, row) === true;
  }
}
