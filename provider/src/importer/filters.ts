/**
 * Import filters: `--include` and `--exclude` rules, combinable. A rule is `<type>:<glob>`, `<type>`
 * (every object of the type) or `<glob>` (names of any type); globs use `*` and `?`, case-sensitive.
 * An object is imported when no include rule is given or one matches it, and no exclude rule does.
 */
export interface Rule {
  type?: string;
  pattern: RegExp;
  text: string;
  /** The rule names a whole type (`skills`, `skills:*`). */
  wholeType: boolean;
}

export class FilterError extends Error {}

function glob(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`);
}

export function parseRule(text: string, types: readonly string[]): Rule {
  const colon = text.indexOf(":");
  if (colon > 0) {
    const type = text.slice(0, colon);
    if (!types.includes(type)) {
      throw new FilterError(`Filter '${text}' names an unknown type '${type}'. Types: ${types.join(", ")}.`);
    }
    const name = text.slice(colon + 1) || "*";
    return { type, pattern: glob(name), text, wholeType: name === "*" };
  }
  if (types.includes(text)) return { type: text, pattern: /^/, text, wholeType: true };
  return { pattern: glob(text), text, wholeType: false };
}

export class Filter {
  readonly include: Rule[];
  readonly exclude: Rule[];

  constructor(include: readonly string[], exclude: readonly string[], types: readonly string[]) {
    this.include = include.map((r) => parseRule(r, types));
    this.exclude = exclude.map((r) => parseRule(r, types));
  }

  private static matches(rule: Rule, type: string, name: string): boolean {
    return (rule.type === undefined || rule.type === type) && rule.pattern.test(name);
  }

  selects(type: string, name: string): boolean {
    if (this.include.length && !this.include.some((r) => Filter.matches(r, type, name))) return false;
    return !this.exclude.some((r) => Filter.matches(r, type, name));
  }

  /** Include rules with a name pattern that matched none of the listed objects: usually a typo. */
  unusedIncludes(listed: readonly { type: string; name: string }[], skippedTypes: readonly string[] = []): Rule[] {
    return this.include.filter(
      (r) =>
        !r.wholeType &&
        !(r.type && skippedTypes.includes(r.type)) &&
        !listed.some((o) => Filter.matches(r, o.type, o.name)),
    );
  }

  /** Whether a type can contribute any object at all (so unselected types are not even listed). */
  wantsType(type: string): boolean {
    if (this.exclude.some((r) => r.type === type && r.wholeType)) return false;
    return !this.include.length || this.include.some((r) => r.type === undefined || r.type === type);
  }
}
