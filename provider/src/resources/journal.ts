import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync } from "fs";
import * as path from "path";

/**
 * The create journal of one stack: which objects it asked a target org to create, written before
 * each create request and again when the response names the object's id, beside the project in
 * `.genesys-clone/journal/<stack>.jsonl` (one JSON line per event, fsynced).
 *
 * Pulumi's state is the record of what a stack owns, but it is written after a create returns. A run
 * killed between the org committing a create and the state write (SIGKILL, a crash, a lost machine)
 * leaves an object the state does not know, and the next `up` meets its name. The journal is the
 * proof that this stack made it: the object is taken over as created (destroy deletes it), neither
 * refused as a conflict nor adopted (destroy would keep it). A journalled id must match the object
 * found, so an object deleted and made again by someone else is not taken; when the response was
 * lost (no id journalled), the name decides, as for a create retried inside one run.
 */
export interface JournalEvent {
  op: "create" | "created" | "deleted";
  /** The target org's API base URL: one stack may be pointed at another org later. */
  api: string;
  type: string;
  name: string;
  id?: string;
}

export class Journal {
  private entries?: Map<string, { id?: string }>;
  /** The file ends in a line cut short by a kill: the next record starts a new line. */
  private torn = false;

  constructor(readonly file: string) {}

  /**
   * The journal of `stack` in the project that holds `dir` (the nearest directory up with a
   * Pulumi.yaml: the engine starts providers in the program's directory, which may be below it).
   */
  static of(dir: string, stack: string): Journal {
    for (let d = path.resolve(dir); ; d = path.dirname(d)) {
      if (existsSync(path.join(d, "Pulumi.yaml")) || existsSync(path.join(d, "Pulumi.yml"))) {
        dir = d;
        break;
      }
      if (path.dirname(d) === d) break;
    }
    return new Journal(path.join(dir, ".genesys-clone", "journal", `${stack.replace(/[^A-Za-z0-9._-]/g, "_")}.jsonl`));
  }

  /** The journal of `stack` kept in `dir` (a rehearsal's own directory). */
  static in(dir: string, stack: string): Journal {
    return new Journal(path.join(dir, `${stack.replace(/[^A-Za-z0-9._-]/g, "_")}.jsonl`));
  }

  private key(e: Pick<JournalEvent, "api" | "type" | "name">): string {
    return JSON.stringify([e.api, e.type, e.name]);
  }

  private load(): Map<string, { id?: string }> {
    if (this.entries) return this.entries;
    const entries = new Map<string, { id?: string }>();
    let text = "";
    try {
      text = readFileSync(this.file, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
    this.torn = text.length > 0 && !text.endsWith("\n");
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      let e: JournalEvent;
      try {
        e = JSON.parse(line) as JournalEvent;
      } catch {
        continue; // a line cut short by a kill: the event it held never completed
      }
      this.fold(entries, e);
    }
    this.entries = entries;
    return entries;
  }

  private fold(entries: Map<string, { id?: string }>, e: JournalEvent): void {
    const k = this.key(e);
    if (e.op === "create") entries.set(k, {});
    else if (e.op === "created") entries.set(k, { id: e.id });
    else entries.delete(k);
  }

  /** Records an event durably (before the request it announces is sent). */
  record(e: JournalEvent): void {
    const entries = this.load();
    mkdirSync(path.dirname(this.file), { recursive: true });
    const fd = openSync(this.file, "a");
    try {
      appendFileSync(fd, (this.torn ? "\n" : "") + JSON.stringify(e) + "\n");
      this.torn = false;
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.fold(entries, e);
  }

  /** Whether this stack created the object `id` named `name` (see the class comment). */
  claims(api: string, type: string, name: string, id: string): boolean {
    const entry = this.load().get(this.key({ api, type, name }));
    return entry !== undefined && (entry.id === undefined || entry.id === id);
  }
}
