import type { Transaction } from 'kysely';
import type { Executor } from '../../platform/db/executor.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { AcceptedDirectory } from '../../platform/federation/directory-keeper.ts';
import type { DeliveryListener, MessageHandler, SendInput, SentMessage } from '../../platform/federation/federation.ts';

/**
 * What the requests module needs from the federation: the directory (to route a request to the requested State's
 * node), sending inside the caller's transaction, and hooks for incoming messages and receipts. The node's
 * `Federation` is one; the CLI, which runs no federation, has none (transmission is then unavailable).
 */
export interface Messenger {
  readonly nodeId: string;
  directory(): AcceptedDirectory;
  send(trx: Executor, input: SendInput): Promise<SentMessage>;
  on(type: string, handler: MessageHandler): void;
  onDelivered(type: string, listener: DeliveryListener): void;
  /** Ask the delivery loop to look for work now (after a commit). */
  wake(): void;
}

/** Where reminders go besides the application (e-mail when SMTP is configured). */
export interface ReminderMailer {
  send(msg: { to: string[]; subject: string; text: string }): Promise<unknown>;
}

export type Trx = Transaction<DB>;
