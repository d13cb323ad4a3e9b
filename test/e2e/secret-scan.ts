/**
 * Secret scans: looks for secret values in texts and files in every form a leak would take — plaintext,
 * base64 (standard and URL alphabets, at any alignment, so a secret inside `Basic base64(id:secret)` or a
 * larger encoded blob is found too), URL- and form-encoded, and JSON-escaped.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";

export interface Secret {
  /** What it is, for the report (never the value). */
  name: string;
  value: string;
}

export interface Text {
  /** Where the text came from (a file path, "demo output", ...). */
  where: string;
  text: string;
}

/** The substrings of base64(prefix + value) that depend on `value` alone, for the 3 possible alignments. */
function base64Needles(value: string): string[] {
  const bytes = Buffer.from(value, "utf8");
  const out: string[] = [];
  for (let k = 0; k < 3; k++) {
    const encoded = Buffer.concat([Buffer.alloc(k), bytes]).toString("base64");
    const needle = encoded.slice(Math.ceil((8 * k) / 6), Math.floor((8 * (k + bytes.length)) / 6));
    out.push(needle, needle.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return out;
}

/** Every form of `value` the scan looks for, with its name. Forms shorter than 8 characters are not searched (too many false hits). */
export function secretForms(value: string): { form: string; needle: string }[] {
  const forms: { form: string; needle: string }[] = [
    { form: "plaintext", needle: value },
    { form: "URL-encoded", needle: encodeURIComponent(value) },
    { form: "form-encoded", needle: new URLSearchParams({ x: value }).toString().slice(2) },
    { form: "JSON-escaped", needle: JSON.stringify(value).slice(1, -1) },
    ...base64Needles(value).map((needle) => ({ form: "base64", needle })),
  ];
  const seen = new Set<string>();
  return forms.filter((f) => f.needle.length >= 8 && !seen.has(f.needle) && seen.add(f.needle));
}

/** One line per (secret, form, place) found: "<secret name> (<form>) in <where>". Empty when nothing leaked. */
export function findSecrets(texts: readonly Text[], secrets: readonly Secret[]): string[] {
  const found: string[] = [];
  for (const secret of secrets) {
    if (secret.value.length < 8) throw new Error(`secret ${secret.name} is too short to scan for reliably`);
    for (const { form, needle } of secretForms(secret.value)) {
      for (const t of texts) if (t.text.includes(needle)) found.push(`${secret.name} (${form}) in ${t.where}`);
    }
  }
  return [...new Set(found)];
}

/** Every file under `dir` (recursively; a missing dir is empty) as text, named by its path relative to `base`. */
export async function filesUnder(dir: string, base = dir): Promise<Text[]> {
  const out: Text[] = [];
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(p, base)));
    else if (entry.isFile())
      out.push({ where: path.relative(base, p) || p, text: (await fs.readFile(p)).toString("latin1") });
  }
  return out;
}
