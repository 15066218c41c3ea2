import { AppError, notFound } from '../platform/errors.ts';
import type { ApiClient } from './api-client.ts';
import type { AccountsGateway, TokenView, UserView } from './accounts.ts';

const PAGE = 200;

interface UserPage {
  items: UserView[];
  next: string | null;
}

/** Account operations through a running node's HTTP API, with the caller's bearer token and its roles. */
export function remoteAccounts(api: ApiClient): AccountsGateway {
  async function* users(role?: string): AsyncGenerator<UserView> {
    let after: string | undefined;
    for (;;) {
      const page = await api.request<UserPage>('GET', 'api/v1/users', { query: { limit: PAGE, role, after } });
      yield* page.items;
      if (!page.next) return;
      after = page.next;
    }
  }
  // The API addresses users by id; the CLI by name.
  async function find(username: string): Promise<UserView> {
    const wanted = username.trim().toLowerCase();
    for await (const u of users()) if (u.username === wanted) return u;
    throw notFound(`user "${username}"`);
  }
  return {
    mode: 'remote',
    addUser: (input) => api.request<UserView>('POST', 'api/v1/users', { body: input }),
    listUsers: async ({ role }) => {
      const out: UserView[] = [];
      for await (const u of users(role)) out.push(u);
      return out;
    },
    getUser: find,
    updateUser: async (username, patch) => {
      const u = await find(username);
      return api.request<UserView>('PATCH', `api/v1/users/${u.id}`, { body: patch });
    },
    resetPassword: async (username, password) => {
      const u = await find(username);
      await api.request<undefined>('POST', `api/v1/users/${u.id}/reset-password`, { body: { password } });
    },
    createToken: async () => {
      // The API creates tokens only for a logged-in browser session, never for another token.
      throw new AppError('forbidden', 'tokens are created on the node\'s data folder (--data), not through --url');
    },
    listTokens: async ({ username, all, includeRevoked }) => {
      const everyone = all || username !== undefined;
      const res = await api.request<{ items: TokenView[] }>('GET', 'api/v1/tokens', {
        query: { all: everyone ? true : undefined, includeRevoked: includeRevoked ? true : undefined },
      });
      const wanted = username?.trim().toLowerCase();
      return wanted === undefined ? res.items : res.items.filter((t) => t.username === wanted);
    },
    revokeToken: async (id) => {
      await api.request<undefined>('DELETE', `api/v1/tokens/${id}`);
    },
  };
}
