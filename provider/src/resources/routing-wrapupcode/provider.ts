import { GenesysClient, GenesysError, isConflict } from "../../client";
import { client } from "../../process";
import { divisionLabel, resolveDivision } from "../auth-division/api";
import { checkInputs, hasUnknown, ResourceImpl, userInputs } from "../common";
import { wrapupCodesApi } from "./api";
import { LABEL, WrapupCode, WrapupCodeArgs, WrapupCodeOutputs } from "./schema";

const label = (name: unknown) => `${LABEL} '${String(name)}'`;

function fail(message: string): never {
  throw new GenesysError("Validation", message);
}

/** Fails with a field-level difference when the org did not store what was sent. */
function verifyStored(sent: { name: string; division: { id: string }; description?: string }, got: WrapupCode): void {
  const diffs: string[] = [];
  if (got.name !== sent.name) diffs.push(`name: sent '${sent.name}', stored '${got.name}'`);
  if (got.division && got.division.id !== sent.division.id) diffs.push(`division: sent ${sent.division.id}, stored ${got.division.id}`);
  if ((got.description ?? undefined) !== sent.description) diffs.push(`description: sent '${sent.description ?? ""}', stored '${got.description ?? ""}'`);
  if (diffs.length) fail(`${label(sent.name)}: the org did not store what was sent (${diffs.join("; ")}).`);
}

async function body(c: GenesysClient, inputs: WrapupCodeArgs) {
  const division = await resolveDivision(c, inputs.division, label(inputs.name));
  return { name: inputs.name, division: { id: division.id }, ...(inputs.description !== undefined ? { description: inputs.description } : {}) };
}

function outputs(inputs: WrapupCodeArgs, divisionId: string): WrapupCodeOutputs {
  return { ...(userInputs(inputs) as WrapupCodeArgs), divisionId };
}

export const provider: ResourceImpl<WrapupCodeArgs, WrapupCodeOutputs> = {
  async check(_olds, news) {
    const failures = checkInputs(WrapupCodeArgs, label(news.name), news);
    if (failures.length === 0 && !hasUnknown(news, ["division"])) {
      try {
        await resolveDivision(client(), news.division, label(news.name));
      } catch (err) {
        failures.push({ property: "division", reason: (err as Error).message });
      }
    }
    return { inputs: news, failures };
  },

  async diff(_id, olds, news) {
    if (hasUnknown(news, ["name", "division", "description"])) return { changes: true };
    let changes = olds.name !== news.name || (olds.description ?? null) !== (news.description ?? null);
    if (!changes && (olds.division ?? null) !== (news.division ?? null)) {
      const wanted = await resolveDivision(client(), news.division, label(news.name));
      changes = wanted.id !== olds.divisionId;
    }
    return { changes, replaces: [] };
  },

  async create(inputs) {
    const c = client();
    const sent = await body(c, inputs);
    let code;
    try {
      code = await wrapupCodesApi.create(c, sent);
    } catch (err) {
      if (!isConflict(err)) throw err;
      const existing = await wrapupCodesApi.findByName(c, inputs.name);
      fail(
        `${label(inputs.name)} already exists in the target org${existing ? ` (id ${existing.id})` : ""}. ` +
          "Delete or rename it there, or rename it in the stack code.",
      );
    }
    verifyStored(sent, code);
    return { id: code.id, outs: outputs(inputs, sent.division.id) };
  },

  async read(id, props) {
    const c = client();
    const code = await wrapupCodesApi.get(c, id);
    if (!code) return {};
    const outs: WrapupCodeOutputs = { name: code.name, divisionId: code.division?.id ?? "" };
    if (code.description) outs.description = code.description;
    if (props.division !== undefined && props.divisionId === code.division?.id) outs.division = props.division;
    else {
      const division = await divisionLabel(c, code.division?.id);
      if (division !== undefined) outs.division = division;
    }
    return { id, props: outs };
  },

  async update(id, _olds, news) {
    const c = client();
    const sent = await body(c, news);
    const code = await wrapupCodesApi.replace(c, id, sent);
    verifyStored(sent, code);
    return { outs: outputs(news, sent.division.id) };
  },

  async delete(id) {
    await wrapupCodesApi.delete(client(), id);
  },
};
