import { OAuthError } from "../../state/errors";
import type { OrgStore } from "../../state/org-store";
import type { HandlerResult } from "../http";

export const TOKEN_PATH = "/oauth/token";

interface Credentials {
  clientId: string;
  clientSecret: string;
}

/** `Authorization: Basic base64(id:secret)` first, then the (undocumented) client_id / client_secret form fields. */
function credentials(authorization: string | undefined, form: URLSearchParams): Credentials {
  if (authorization !== undefined) {
    const m = /^basic\s+(\S+)\s*$/i.exec(authorization);
    if (m) {
      const decoded = Buffer.from(m[1]!, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon > 0) return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
    }
  }
  const clientId = form.get("client_id");
  const clientSecret = form.get("client_secret");
  if (clientId !== null && clientSecret !== null) return { clientId, clientSecret };
  throw new OAuthError(401, "invalid_client", "Invalid client credentials");
}

export function oauthErrorBody(err: OAuthError): { error: string; description: string; error_description: string } {
  return { error: err.error, description: err.description, error_description: err.description };
}

/**
 * `POST <login>/oauth/token` with `grant_type=client_credentials`. The body is read as form-encoded whatever
 * the Content-Type says (the JS SDK's loginClientCredentialsGrant leaves it to axios).
 */
export function handleTokenRequest(org: OrgStore, authorization: string | undefined, rawBody: Buffer): HandlerResult {
  try {
    const form = new URLSearchParams(rawBody.toString("utf8"));
    const { clientId, clientSecret } = credentials(authorization, form);
    const client = org.auth.authenticateClient(clientId, clientSecret);
    const grantType = form.get("grant_type");
    if (grantType === null || grantType === "") {
      throw new OAuthError(400, "invalid_request", "Missing grant type");
    }
    if (grantType !== "client_credentials") {
      throw new OAuthError(400, "unsupported_grant_type", `Unsupported grant type: ${grantType}`);
    }
    const issued = org.auth.issueToken(client);
    return {
      status: 200,
      headers: { "Cache-Control": "no-store", Pragma: "no-cache" },
      body: {
        access_token: issued.token,
        token_type: "bearer",
        expires_in: Math.round((issued.expiresAt - issued.issuedAt) / 1000),
      },
    };
  } catch (err) {
    if (err instanceof OAuthError) return { status: err.status, body: oauthErrorBody(err) };
    throw err;
  }
}
