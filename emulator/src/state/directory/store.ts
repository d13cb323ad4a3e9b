import { byNameThenId } from "../entities";
import { notFound } from "../errors";

/**
 * The org's directory: users and groups. Every org provisions its own (SCIM, an identity provider, the admin
 * UI), so genesys-clone never creates them: here they are seeded per org and read-only. Queues name users
 * (members) and groups (member groups) by id; the routing store asks this one whether they exist.
 */

/** SDK `User`: the fields queues and the official clients' lookups by email use. */
export interface UserRecord {
  id: string;
  name: string;
  /** Unique per org; lookups by email ignore case (as e-mail addresses do). */
  email: string;
  divisionId: string;
  /** SDK `User.state`: active, inactive or deleted. */
  state: "active" | "inactive" | "deleted";
  version: number;
}

/** SDK `Group` (type `official`): its members are users of the org. */
export interface GroupRecord {
  id: string;
  name: string;
  description?: string;
  memberIds: string[];
  dateModified: string;
  version: number;
}

export interface DirectoryInit {
  users?: UserRecord[];
  groups?: GroupRecord[];
}

export class DirectoryStore {
  private readonly users: UserRecord[];
  private readonly groups: GroupRecord[];

  constructor(init: DirectoryInit = {}) {
    this.users = structuredClone(init.users ?? []);
    this.groups = structuredClone(init.groups ?? []);
  }

  /** `GET /api/v2/users`: by name then id; `state` defaults to active (SDK `getUsers` `state`). */
  listUsers(filter: { ids?: string[]; state?: string } = {}): UserRecord[] {
    const state = filter.state ?? "active";
    return this.users
      .filter((u) => state === "any" || u.state === state)
      .filter((u) => !filter.ids?.length || filter.ids.includes(u.id))
      .sort(byNameThenId);
  }

  findUser(id: string): UserRecord | undefined {
    return this.users.find((u) => u.id === id);
  }

  getUser(id: string): UserRecord {
    const u = this.findUser(id);
    if (!u || u.state === "deleted") throw notFound();
    return u;
  }

  /** `POST /api/v2/users/search` EXACT criteria: the users one of whose `fields` equals one of `values` (ignoring case). */
  searchExact(fields: readonly string[], values: readonly string[]): UserRecord[] {
    const wanted = new Set(values.map((v) => v.toLowerCase()));
    const value = (u: UserRecord, f: string) =>
      f === "email" ? u.email : f === "name" ? u.name : f === "id" ? u.id : "";
    return this.users
      .filter((u) => u.state !== "deleted" && fields.some((f) => wanted.has(value(u, f).toLowerCase())))
      .sort(byNameThenId);
  }

  listGroups(filter: { ids?: string[] } = {}): GroupRecord[] {
    return this.groups.filter((g) => !filter.ids?.length || filter.ids.includes(g.id)).sort(byNameThenId);
  }

  findGroup(id: string): GroupRecord | undefined {
    return this.groups.find((g) => g.id === id);
  }

  getGroup(id: string): GroupRecord {
    const g = this.findGroup(id);
    if (!g) throw notFound();
    return g;
  }

  /** Active users of a group. */
  groupMembers(id: string): UserRecord[] {
    const g = this.findGroup(id);
    return (g?.memberIds ?? []).map((m) => this.findUser(m)).filter((u): u is UserRecord => u?.state === "active");
  }

  snapshot(): { users: UserRecord[]; groups: GroupRecord[] } {
    return { users: this.listUsers({ state: "any" }), groups: this.listGroups() };
  }
}
