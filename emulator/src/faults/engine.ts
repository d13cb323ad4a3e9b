import { SeededRandom } from "./prng";
import type { FaultRule } from "./rules";

export interface FaultRequest {
  method: string;
  /** Path after the org prefix, without the query string. */
  path: string;
  org: string;
}

interface ActiveRule {
  rule: FaultRule;
  regex: RegExp | undefined;
  fired: number;
}

export interface FaultRuleStatus extends FaultRule {
  fired: number;
  spent: boolean;
}

export const DEFAULT_RANDOM_SEED = 1;

/** Ordered fault rules; the first rule that matches (filters, not spent, probability draw) wins. */
export class FaultEngine {
  private rules: ActiveRule[] = [];
  private random: SeededRandom;
  private seedValue: number;

  constructor(seed: number = DEFAULT_RANDOM_SEED) {
    this.seedValue = seed;
    this.random = new SeededRandom(seed);
  }

  get seed(): number {
    return this.seedValue;
  }

  /** Restarts the random sequence (also used by reset so runs replay). */
  setSeed(seed: number): void {
    this.seedValue = seed;
    this.random = new SeededRandom(seed);
  }

  list(): FaultRuleStatus[] {
    return this.rules.map((r) => ({ ...r.rule, fired: r.fired, spent: this.isSpent(r) }));
  }

  replace(rules: FaultRule[]): void {
    this.rules = rules.map((rule) => ({
      rule,
      regex: rule.path === undefined ? undefined : new RegExp(rule.path),
      fired: 0,
    }));
  }

  append(rule: FaultRule): void {
    this.rules.push({ rule, regex: rule.path === undefined ? undefined : new RegExp(rule.path), fired: 0 });
  }

  clear(): void {
    this.rules = [];
  }

  private isSpent(r: ActiveRule): boolean {
    return r.rule.times !== undefined && r.fired >= r.rule.times;
  }

  match(req: FaultRequest): FaultRule | undefined {
    for (const r of this.rules) {
      if (this.isSpent(r)) continue;
      const { rule } = r;
      if (rule.method !== undefined && rule.method.toUpperCase() !== req.method.toUpperCase()) continue;
      if (rule.org !== undefined && rule.org !== req.org) continue;
      if (r.regex && !r.regex.test(req.path)) continue;
      const p = rule.probability ?? 1;
      if (p < 1 && this.random.next() >= p) continue;
      r.fired += 1;
      return rule;
    }
    return undefined;
  }
}
