// Attendee signs `json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`,
// not the bytes it sends. This rebuilds that text from the received body. It works on the text rather
// than on JSON.parse's result because Python keeps what JSON.parse loses: `1.0` stays a float and
// prints as `1.0`, and integers keep every digit.

export class CanonicalJsonError extends Error {
  constructor(at: number) {
    super(`Body is not valid JSON (at character ${at})`);
    this.name = "CanonicalJsonError";
  }
}

const WHITESPACE = /[ \t\n\r]*/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/** The JSON text `text` as Python's canonical `json.dumps` above would write it. */
export function canonicalJson(text: string): string {
  let at = 0;

  const match = (pattern: RegExp): RegExpExecArray | null => {
    pattern.lastIndex = at;
    const found = pattern.exec(text);
    if (found) at = pattern.lastIndex;
    return found;
  };
  const skipWhitespace = () => void match(WHITESPACE);
  const expect = (char: string) => {
    skipWhitespace();
    if (text[at] !== char) throw new CanonicalJsonError(at);
    at++;
  };
  const peek = (char: string) => {
    skipWhitespace();
    return text[at] === char;
  };
  const accept = (char: string) => {
    if (!peek(char)) return false;
    at++;
    return true;
  };

  const string = (): string => {
    const found = match(STRING);
    if (!found) throw new CanonicalJsonError(at);
    return JSON.parse(found[0]) as string;
  };

  const value = (): string => {
    skipWhitespace();
    const char = text[at];
    if (char === "{") return object();
    if (char === "[") return array();
    // JSON.stringify escapes exactly what Python does without ensure_ascii: quotes, backslashes and
    // control characters (\n-style where one exists, else \u00xx); everything else is written as is.
    if (char === '"') return JSON.stringify(string());
    const number = match(NUMBER);
    if (number)
      return number[1] || number[2] ? pythonFloat(Number(number[0])) : pythonInt(number[0]);
    const literal = match(LITERAL);
    if (literal) return literal[0];
    throw new CanonicalJsonError(at);
  };

  const object = (): string => {
    expect("{");
    const members = new Map<string, string>(); // a repeated key keeps its last value, as in Python
    if (!peek("}")) {
      do {
        skipWhitespace();
        const key = string();
        expect(":");
        members.set(key, value());
      } while (accept(","));
    }
    expect("}");
    const keys = [...members.keys()].sort(byCodePoint);
    return `{${keys.map((key) => `${JSON.stringify(key)}:${members.get(key)}`).join(",")}}`;
  };

  const array = (): string => {
    expect("[");
    const items: string[] = [];
    if (!peek("]")) {
      do items.push(value());
      while (accept(","));
    }
    expect("]");
    return `[${items.join(",")}]`;
  };

  const result = value();
  skipWhitespace();
  if (at !== text.length) throw new CanonicalJsonError(at);
  return result;
}

/** Python sorts str keys by code point; JavaScript's default sort compares UTF-16 units. */
function byCodePoint(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const diff = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!;
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

/** A JSON integer as Python's int prints it: every digit kept; `-0` is 0. */
function pythonInt(lexeme: string): string {
  return lexeme === "-0" ? "0" : lexeme;
}

/**
 * `repr(float)`: the shortest digits that read back as the same double (as in JavaScript), written
 * in positional notation for decimal exponents from -4 to 15 with at least one fractional digit, and
 * as `1.5e+16` / `1e-05` (two-digit exponent or more) otherwise.
 */
export function pythonFloat(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mantissa, exponent] = Math.abs(x).toExponential().split("e") as [string, string];
  const digits = mantissa.replace(".", "");
  const point = Number(exponent) + 1; // the value is 0.<digits> × 10^point
  const sign = x < 0 ? "-" : "";
  if (point > -4 && point <= 16) {
    if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
    if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}.0`;
    return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
  }
  const power = point - 1;
  const fraction = digits.length > 1 ? `.${digits.slice(1)}` : "";
  return `${sign}${digits[0]}${fraction}e${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`;
}
