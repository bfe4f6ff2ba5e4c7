// Command ids are made by the client so that a retry after a reconnect is recognised.

export function newCommandId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}
