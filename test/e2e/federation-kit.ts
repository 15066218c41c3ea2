import type { DirectoryState } from '../../src/platform/federation/directory.ts';
import { startFederation, type FedNode, type Federation3 } from '../federation/kit.ts';
import type { E2eNode } from './kit.ts';

/**
 * Two (or three) real nodes joined by a signed directory, for the browser tests of cooperation requests: the
 * federation kit of test/federation (real HTTP between nodes, SQLite, the directory authority's signed file), with
 * the States of the scenarios — Arland (XA), Borduria (XB), Carpania (XC) — described as the demo describes them:
 * languages, declarations, reservations and the preservation dual-criminality position. Each node serves the
 * built web application like any node.
 */

export const SCENARIO_STATES: Readonly<Record<string, Partial<DirectoryState>>> = {
  XA: {
    name: 'Arland',
    languages: ['en', 'fr'],
    channels: ['comity'],
    declarations: [{ text: 'Requests for mutual legal assistance are accepted in English or French.' }],
    flags: { preservation_requires_dual_criminality: false },
  },
  XB: {
    name: 'Borduria',
    languages: ['en', 'es'],
    channels: ['comity'],
    declarations: [{ article: 'BC 35', text: 'The 24/7 point of contact accepts preservation requests at any hour.' }],
    flags: { preservation_requires_dual_criminality: false },
  },
  XC: {
    name: 'Carpania',
    languages: ['en', 'de'],
    channels: ['comity'],
    declarations: [{ text: 'Requests are accepted in English or German.' }],
    reservations: [{ article: 'BC 29(4)', text: 'Expedited preservation of stored data is granted only where the conduct is an offence in both States.' }],
    flags: { preservation_requires_dual_criminality: true },
  },
};

export interface E2eFederation {
  fed: Federation3;
  /** The nodes as the browser kit sees them (url, services), by State code. */
  node(state: string): E2eNode;
  close(): Promise<void>;
}

function asE2e(n: FedNode): E2eNode {
  return { node: n.node, url: n.node.address, dataDir: n.config.dataDir, close: async () => {} };
}

/** Starts the nodes, describes their States in the directory and publishes it to every node. */
export async function startE2eFederation(states: string[] = ['XA', 'XB']): Promise<E2eFederation> {
  const fed = await startFederation({ dialect: 'sqlite', states });
  try {
    for (const s of states) {
      const patch = SCENARIO_STATES[s];
      if (patch) fed.authority.setState(s, patch);
    }
    await fed.publish();
  } catch (e) {
    await fed.close();
    throw e;
  }
  return {
    fed,
    node: (s) => asE2e(fed.byName(s)),
    close: async () => {
      // Spare connections the browser opened and never used would hold each node's close for 60 s (see closeNode).
      const force = setTimeout(() => {
        for (const n of fed.nodes) n.node.app.server.closeAllConnections();
      }, 1000);
      try {
        await fed.close();
      } finally {
        clearTimeout(force);
      }
    },
  };
}
