/**
 * HashiCorp Vault's KV version 2 secrets engine through hvac, the Python client, read as the requests it sends (the
 * rows; sdks.ts registers them). `client.secrets.kv.v2.read_secret_version(path)` is a GET of
 * `/v1/{mount_point}/data/{path}`; `create_or_update_secret(path, secret, cas=None, mount_point)` writes a new version
 * of the whole secret there, and Vault applies it only when `cas` equals the current version (`cas=0`: only where
 * nothing is stored yet) — without `cas` the write replaces whatever another writer stored since the read
 * (https://developer.hashicorp.com/vault/api-docs/secret/kv/kv-v2#create-update-secret). hvac's own `patch(path,
 * secret)` reads the secret and writes the merge back with the version it read as `cas`: it is guarded and not listed.
 * `client.secrets.kv.<method>` goes to the engine version hvac defaults to, v2.
 *
 * KV version 1 (`client.secrets.kv.v1`) keeps no version at all: no write there can name one, so it is not listed.
 * A client the analysis cannot follow (a parameter, a client made in another module) is told by the dotted name,
 * which is hvac's own (`….secrets.kv.v2.create_or_update_secret`).
 */
import type { ArgRef, SdkCall, SdkService } from './sdks';
import type { SdkRows } from './sdks-apps';

export const VAULT_SERVICES: Readonly<Record<string, SdkService>> = {
  'hvac (Vault KV v2)': {
    // Vault's port: the catalogue names the service by it and the `/v1/{mount}/data/` path.
    base: 'https://vault:8200/v1',
    advice: "Pass cas= with the version of the secret you read (response['data']['metadata']['version']), or cas=0 to create only; or call client.secrets.kv.v2.patch(path, secret), which writes with the version it reads: Vault then refuses the write once the secret changed.",
  },
};

/** `/v1/{mount_point}/data/{path}`: the mount is the engine's, `secret` unless the call names another. */
const secret = (mountAt: number): readonly ArgRef[] => [{ arg: mountAt, key: 'mount_point', absent: 'secret' }, { literal: 'data' }, { arg: 0, key: 'path' }];
const calls: Readonly<Record<string, Omit<SdkCall, 'sdk'>>> = {
  read_secret_version: { method: 'GET', names: secret(2), shape: [] },
  read_secret: { method: 'GET', names: secret(1), shape: [] },
  create_or_update_secret: {
    method: 'PUT', names: secret(3), body: { arg: 1, key: 'secret' }, guards: { values: [{ ref: { arg: 2, key: 'cas' }, header: 'If-Match' }] }, shape: [],
  },
  delete_latest_version_of_secret: { method: 'DELETE', names: secret(1), shape: [] },
};

const HVAC: SdkRows = {
  modules: ['hvac'],
  factories: { Client: { makes: 'HvacClient' } },
  prefix: 'HvacClient',
  calls: Object.fromEntries(Object.entries(calls).flatMap(([name, c]) => [[`secrets.kv.v2.${name}`, c], [`secrets.kv.${name}`, c]])),
  sdk: 'hvac (Vault KV v2)',
};

export const VAULT_ROWS: readonly SdkRows[] = [HVAC];
