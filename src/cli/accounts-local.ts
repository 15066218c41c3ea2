import { presentToken, presentUser } from '../modules/accounts/schema.ts';
import { LOCAL_OPERATOR, type AccountsService } from '../modules/accounts/service.ts';
import type { AccountsGateway } from './accounts.ts';

const PAGE = 200;

/** Account operations straight on the data folder, as the local operator (who already holds the node's files). */
export function localAccounts(accounts: AccountsService): AccountsGateway {
  const find = (username: string) => accounts.findByUsername(LOCAL_OPERATOR, username);
  return {
    mode: 'local',
    addUser: async (input) => presentUser(await accounts.createUser(LOCAL_OPERATOR, input)),
    listUsers: async ({ role }) => {
      const out = [];
      let after: string | undefined;
      for (;;) {
        const page = await accounts.listUsers(LOCAL_OPERATOR, { role, after, limit: PAGE });
        out.push(...page.map(presentUser));
        const last = page.at(-1);
        if (page.length < PAGE || !last) return out;
        after = last.username;
      }
    },
    getUser: async (username) => presentUser(await find(username)),
    updateUser: async (username, patch) => {
      const u = await find(username);
      return presentUser(await accounts.updateUser(LOCAL_OPERATOR, u.id, patch));
    },
    resetPassword: async (username, password) => {
      const u = await find(username);
      await accounts.resetPassword(LOCAL_OPERATOR, u.id, password);
    },
    createToken: async (username, input) => {
      const u = await find(username);
      const r = await accounts.createToken(LOCAL_OPERATOR, u.id, input);
      return { token: r.token, record: presentToken(r.record) };
    },
    listTokens: async ({ username, includeRevoked }) => {
      // The local operator holds no tokens of its own: without --username every token is listed.
      const userId = username === undefined ? undefined : (await find(username)).id;
      const rows = await accounts.listTokens(LOCAL_OPERATOR, { all: true, userId, includeRevoked });
      return rows.map(presentToken);
    },
    revokeToken: (id) => accounts.revokeToken(LOCAL_OPERATOR, id),
  };
}
