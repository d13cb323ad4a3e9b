import { GenesysError, isConflict } from "../../client";
import { client } from "../../process";
import { divisionLabel, resolveDivision } from "../auth-division/api";
import { checkInputs, hasUnknown, ResourceImpl, userInputs } from "../common";
import { skillsApi } from "./api";
import { LABEL, SkillArgs, SkillOutputs } from "./schema";

const label = (name: unknown) => `${LABEL} '${String(name)}'`;

function fail(message: string): never {
  throw new GenesysError("Validation", message);
}

export const provider: ResourceImpl<SkillArgs, SkillOutputs> = {
  async check(_olds, news) {
    const failures = checkInputs(SkillArgs, label(news.name), news);
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
    if (hasUnknown(news, ["name", "division"])) return { changes: true };
    const replaces = olds.name !== news.name ? ["name"] : [];
    let divisionChanged = (olds.division ?? null) !== (news.division ?? null);
    if (divisionChanged) {
      // Same division under another label (e.g. "Home" spelled out): compare ids.
      const wanted = await resolveDivision(client(), news.division, label(news.name));
      divisionChanged = wanted.id !== olds.divisionId;
    }
    return { changes: replaces.length > 0 || divisionChanged, replaces };
  },

  async create(inputs) {
    const c = client();
    const division = await resolveDivision(c, inputs.division, label(inputs.name));
    let skill;
    try {
      skill = await skillsApi.create(c, { name: inputs.name, division: { id: division.id } });
    } catch (err) {
      if (!isConflict(err)) throw err;
      const existing = await skillsApi.findByName(c, inputs.name);
      fail(
        `${label(inputs.name)} already exists in the target org${existing ? ` (id ${existing.id})` : ""}. ` +
          "Delete or rename it there, or rename it in the stack code.",
      );
    }
    if (skill.division?.id !== division.id) skill = await skillsApi.setDivision(c, skill.id, division.id);
    if (skill.name !== inputs.name || skill.division?.id !== division.id) {
      fail(`${label(inputs.name)}: the org stored name '${skill.name}' in division ${skill.division?.id}, not what was sent.`);
    }
    const outs: SkillOutputs = { ...userInputs(inputs), name: inputs.name, divisionId: division.id } as SkillOutputs;
    return { id: skill.id, outs };
  },

  async read(id, props) {
    const c = client();
    const skill = await skillsApi.get(c, id);
    if (!skill) return {};
    const outs: SkillOutputs = { name: skill.name, divisionId: skill.division?.id ?? "" };
    const division = await divisionLabel(c, skill.division?.id);
    // Keep the stack code's spelling of the division when it is the same division.
    if (props.division !== undefined && props.divisionId === skill.division?.id) outs.division = props.division;
    else if (division !== undefined) outs.division = division;
    return { id, props: outs };
  },

  async update(id, olds, news) {
    const c = client();
    const division = await resolveDivision(c, news.division, label(news.name));
    if (division.id !== olds.divisionId) {
      const skill = await skillsApi.setDivision(c, id, division.id);
      if (skill.division?.id !== division.id) fail(`${label(news.name)}: the org did not move the skill to division '${division.name}'.`);
    }
    return { outs: { ...userInputs(news), name: news.name, divisionId: division.id } as SkillOutputs };
  },

  async delete(id) {
    await skillsApi.delete(client(), id);
  },
};
