import {
  findField,
  type Cell,
  type FieldType,
  type ResourceDefinition,
  type Row,
} from './resources.ts';

/** A $filter or other query option that cannot be parsed; returned as HTTP 400. */
export class QueryError extends Error {
  override name = 'QueryError';
}

type LiteralType = 'null' | 'string' | 'number' | 'bool' | 'guid' | 'datetime';
type Comparison = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type FilterNode =
  | { kind: 'literal'; type: LiteralType; value: string | number | boolean | null }
  | { kind: 'property'; name: string; type: FieldType }
  | { kind: 'logical'; operator: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'comparison'; operator: Comparison; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode };

type Token =
  | { kind: 'open' | 'close' | 'comma'; at: number }
  | { kind: 'word'; text: string; at: number }
  | { kind: 'literal'; type: LiteralType; value: string | number | boolean | null; at: number };

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
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?$/;
const DATETIME_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?[mMdDfFlL]?/;

/** Converts a DateTime or DateTimeOffset text to milliseconds since the epoch; no offset means UTC. */
export function dateToMs(text: string): number {
  return Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(text) ? text : `${text}Z`);
}

function typedLiteral(prefix: string, body: string, at: number): Token {
  switch (prefix.toLowerCase()) {
    case 'guid':
      if (!GUID.test(body)) {
        throw new QueryError(
          `Unrecognized 'Edm.Guid' literal 'guid'${body}'' at '${at}' in $filter.`,
        );
      }
      return { kind: 'literal', type: 'guid', value: body.toLowerCase(), at };
    case 'datetime':
      if (!DATETIME.test(body) || Number.isNaN(dateToMs(body))) {
        throw new QueryError(
          `Unrecognized 'Edm.DateTime' literal 'datetime'${body}'' at '${at}' in $filter.`,
        );
      }
      return { kind: 'literal', type: 'datetime', value: dateToMs(body), at };
    case 'datetimeoffset':
      if (!DATETIME_OFFSET.test(body) || Number.isNaN(dateToMs(body))) {
        throw new QueryError(
          `Unrecognized 'Edm.DateTimeOffset' literal 'datetimeoffset'${body}'' at '${at}' in $filter.`,
        );
      }
      return { kind: 'literal', type: 'datetime', value: dateToMs(body), at };
    default:
      throw new QueryError(`Unrecognized literal type '${prefix}' at '${at}' in $filter.`);
  }
}

/** Reads a quoted string starting at `start` (the opening quote); `''` is an escaped quote. */
function readQuoted(text: string, start: number): { body: string; end: number } {
  let body = '';
  let index = start + 1;
  while (index < text.length) {
    if (text[index] === "'") {
      if (text[index + 1] === "'") {
        body += "'";
        index += 2;
        continue;
      }
      return { body, end: index + 1 };
    }
    body += text[index];
    index += 1;
  }
  throw new QueryError(`There is an unterminated string literal at position ${start} in $filter.`);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char === '(' ? 'open' : char === ')' ? 'close' : 'comma', at: index });
      index += 1;
    } else if (char === "'") {
      const { body, end } = readQuoted(text, index);
      tokens.push({ kind: 'literal', type: 'string', value: body, at: index });
      index = end;
    } else if (/[-\d]/.test(char)) {
      const match = NUMBER.exec(text.slice(index));
      if (match === null) {
        throw new QueryError(`Syntax error at position ${index} in $filter.`);
      }
      const digits = match[0].replace(/[mMdDfFlL]$/, '');
      tokens.push({ kind: 'literal', type: 'number', value: Number(digits), at: index });
      index += match[0].length;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(index))!;
      const word = match[0];
      const end = index + word.length;
      if (text[end] === "'") {
        const { body, end: literalEnd } = readQuoted(text, end);
        tokens.push(typedLiteral(word, body, index));
        index = literalEnd;
      } else {
        tokens.push(wordToken(word, index));
        index = end;
      }
    } else {
      throw new QueryError(
        `Syntax error: character '${char}' is not valid at position ${index} in $filter.`,
      );
    }
  }
  return tokens;
}

function wordToken(word: string, at: number): Token {
  if (word === 'null') {
    return { kind: 'literal', type: 'null', value: null, at };
  }
  if (word === 'true' || word === 'false') {
    return { kind: 'literal', type: 'bool', value: word === 'true', at };
  }
  return { kind: 'word', text: word, at };
}

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
