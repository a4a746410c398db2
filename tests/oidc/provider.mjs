// A real OpenID Connect provider (the npm package oidc-provider) for the tests, on the loopback.
//
//   node tests/oidc/provider.mjs  < config.json
//
// config.json: {"port": 0, "client_id": "...", "client_secret": "...",
//               "redirect_uris": [...], "post_logout_redirect_uris": [...],
//               "accounts": {"login": {"email": "...", "email_verified": true, "name": "..."}}}
// One client (confidential, code flow with PKCE), a static account finder (the login typed on
// the provider's own sign-in page picks the account), the provider's development sign-in and
// consent pages. Prints {"issuer": "..."} on one line once it is listening.
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";

import Provider from "oidc-provider";

const config = JSON.parse(readFileSync(0, "utf8"));
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: "jwk" }), kid: "test-key", use: "sig", alg: "RS256" };

function start(port) {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: config.client_id,
        client_secret: config.client_secret,
        redirect_uris: config.redirect_uris,
        post_logout_redirect_uris: config.post_logout_redirect_uris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [signingKey] },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "given_name", "family_name"],
    },
    async findAccount(ctx, id) {
      const account = config.accounts[id];
      if (!account) return undefined;
      return { accountId: id, async claims() { return { sub: id, ...account }; } };
    },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ["tests-only-cookie-key"] },
  });
  provider.on("server_error", (ctx, error) => console.error("server_error", error));
  const server = provider.listen(port, "127.0.0.1", () => {
    const { port: bound } = server.address();
    if (port === 0) {
      // The issuer names its port: close and start again on the port the system gave.
      server.close(() => start(bound));
      return;
    }
    process.stdout.write(JSON.stringify({ issuer }) + "\n");
  });
}

start(config.port || 0);
