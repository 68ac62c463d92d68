/** Tokenizer for OData v3 $filter text: literals, words and punctuation. */

/** A $filter or other query option that cannot be parsed; returned as HTTP 400. */
export class QueryError extends Error {
  override name = 'QueryError';
}

export type LiteralType = 'null' | 'string' | 'number' | 'bool' | 'guid' | 'datetime';

export type Token =
  | { kind: 'open' | 'close' | 'comma'; at: number }
  | { kind: 'word'; text: string; at: number }
  | { kind: 'literal'; type: LiteralType; value: string | number | boolean | null; at: number };

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

/** Splits $filter text into tokens; throws QueryError on a bad literal or character. */
export function tokenize(text: string): Token[] {
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
