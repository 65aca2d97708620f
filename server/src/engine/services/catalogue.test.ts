import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { SERVICES } from './catalogue';
import { carriesServiceGuard, serviceOf } from './recognise';

const req = (url: string, extra: { headers?: string[]; query?: string[]; body?: string } = {}) => ({
  url,
  host: /^https?:\/\/([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase(),
  queryParams: new Set([...(url.split('?')[1]?.split('&').map((p) => p.split('=')[0]) ?? []), ...(extra.query ?? [])]),
  headers: (extra.headers ?? []).map((name) => ({ name })),
  body: extra.body,
});

describe('service catalogue', () => {
  it('has unique ids, a reason and documentation for every entry', () => {
    assert.equal(new Set(SERVICES.map((s) => s.id)).size, SERVICES.length);
    for (const s of SERVICES) {
      assert.ok(s.why.length > 10 && s.docs.startsWith('https://'), s.id);
      // An enforced service needs a guard to recognise; a versioned one needs a fix or standard headers.
      if (s.versioning === 'enforced') assert.ok(s.guards, s.id);
      // A service that takes no precondition has none to recognise and none a fix could add.
      if (s.versioning === 'none') assert.ok(!s.guards && !s.fix, s.id);
    }
  });

  it('recognises each service from host, port or path', () => {
    const cases: [string, string | undefined][] = [
      ['https://storage.googleapis.com/b/o.txt', 'gcs'],
      ['https://bucket.s3.eu-west-1.amazonaws.com/key', 's3'],
      ['https://acct.blob.core.windows.net/c/blob', 'azure-blob'],
      ['https://content.dropboxapi.com/2/files/notes/todo.json', 'dropbox'],
      ['https://db.documents.azure.com/dbs/d/colls/c/docs/1', 'azure-cosmos'],
      ['https://graph.microsoft.com/v1.0/planner/tasks/{{id}}', 'ms-graph'],
      ['https://contoso.sharepoint.com/_api/web/lists/items(1)', 'sharepoint'],
      ['https://www.googleapis.com/calendar/v3/calendars/primary/events/{{id}}', 'google-calendar'],
      ['https://www.googleapis.com/drive/v3/files/{{id}}', undefined],
      ['{{base}}/Patient/{{id}}', 'fhir'],
      ['{{base}}/Patient/{{id}}/$everything', undefined],
      ['https://cloud.example.net/remote.php/dav/calendars/u/c/e.ics', 'webdav'],
      ['http://localhost:9200/idx/_doc/7', 'elasticsearch'],
      ['{{es}}/idx/_update/7', 'elasticsearch'],
      ['https://k8s.internal:6443/api/v1/namespaces/d/configmaps/x', 'kubernetes'],
      ['http://127.0.0.1:8500/v1/kv/app/flag', 'consul-kv'],
      ['http://vault:8200/v1/secret/data/app', 'vault-kv2'],
      ['https://api.zotero.org/users/1/items/ABC', 'zotero'],
      ['http://127.0.0.1:5984/db/doc', 'couchdb'],
      ['https://api.github.com/repos/o/r/contents/a.md', 'github-contents'],
      // `"https://api.github.com/repos/" + repo + "/contents/" + name`: one name for owner/name.
      ['https://api.github.com/repos/{{repo}}/contents/{{name}}', 'github-contents'],
      ['https://acme.atlassian.net/wiki/rest/api/content/123', 'confluence'],
      ['https://api.contentful.com/spaces/s1/environments/master/entries/e1/published', 'contentful'],
      ['https://cdn.contentful.com/spaces/s1/entries/e1', undefined],
      ['https://acme.search.windows.net/indexes/hotels?api-version=2025-09-01', 'azure-search'],
      // A placeholder or templated origin: the definition path alone (a guess: a hint unless the file reads it first).
      ['{{searchUrl}}/indexers/nightly?api-version=2024-07-01', 'azure-search'],
      ['https://acme.search.windows.net/indexes/hotels/docs/search', undefined],
      ['https://api.acme.test/items/1', undefined],
      // Services whose writes take no precondition (versioning `none`).
      ['https://api.trello.com/1/cards/{{id}}?key={{k}}', 'trello'],
      ['https://api.notion.com/v1/pages/{{id}}', 'notion'],
      ['https://api.airtable.com/v0/app1/tbl1/rec1', 'airtable'],
      ['https://api.jsonbin.io/v3/b/{{bin}}', 'jsonbin'],
      ['https://api.github.com/gists/{{id}}', 'github-gists'],
      ['https://api.github.com/gists/{{id}}/star', undefined],
    ];
    for (const [url, id] of cases) assert.equal(serviceOf(req(url))?.id, id, url);
  });

  it('tells apart the services of one host by port and path, whatever was asked before (answers kept per origin)', () => {
    const cases: [string, string | undefined][] = [
      ['http://127.0.0.1:8500/v1/kv/app/flag', 'consul-kv'],
      ['http://127.0.0.1:5984/db/doc', 'couchdb'],
      ['http://127.0.0.1:8500/db/doc', undefined],
      ['http://127.0.0.1:5984/v1/kv/app/flag', 'couchdb'],
      ['http://127.0.0.1/v1/kv/app/flag', undefined],
      ['http://127.0.0.1:9200/i/_doc/1', 'elasticsearch'],
      ['http://127.0.0.1:9200/i/_search', undefined],
      ['{{es}}/i/_doc/1', 'elasticsearch'],
    ];
    for (const order of [cases, [...cases].reverse(), cases]) {
      for (const [url, id] of order) assert.equal(serviceOf(req(url))?.id, id, url);
    }
  });

  it('recognises a service whose host is templated only in its leading labels (an account, a project)', () => {
    // The model leaves such hosts unknown (hostOf gives undefined for a templated host): recognition reads the URL.
    const cases: [string, string | undefined][] = [
      ['https://{{account}}.blob.core.windows.net/{{container}}/a.json', 'azure-blob'],
      ['https://{{project}}-default-rtdb.firebaseio.com/tasks/1.json', 'firebase-rtdb'],
      ['https://{{tenant}}.sharepoint.com/_api/web/lists/items(1)', 'sharepoint'],
      ['https://{{user}}:{{pass}}@{{site}}.atlassian.net:443/wiki/rest/api/content/1', 'confluence'],
      ['https://{{host}}/tasks/1.json', undefined],
      ['https://api.{{domain}}/x', undefined],
      ['https://{{a}}.com/x', undefined],
      ['https://{{bucket}}.example.net/o', undefined],
    ];
    for (const [url, id] of cases) assert.equal(serviceOf({ url, host: undefined })?.id, id, url);
  });

  it("reads each service's own guard", () => {
    const guarded = (url: string, extra: Parameters<typeof req>[1]) => {
      const r = req(url, extra);
      const s = serviceOf(r);
      return !!s && carriesServiceGuard(r, s);
    };
    assert.ok(guarded('http://es:9200/i/_doc/1?if_seq_no=1&if_primary_term=2', {}));
    assert.ok(!guarded('http://es:9200/i/_doc/1?if_seq_no=1', {}));
    // Elasticsearch's create forms are refused when the document exists: If-None-Match: * in its own words.
    assert.ok(guarded('http://es:9200/i/_create/1', {}));
    assert.ok(guarded('http://es:9200/i/_doc/1?refresh=true&op_type=create', {}));
    assert.ok(!guarded('http://es:9200/i/_doc/1?op_type=index', {}));
    assert.ok(!guarded('http://es:9200/i/_doc/_create', {}));
    assert.ok(guarded('http://c:8500/v1/kv/k?cas=4', {}));
    // A Consul lock's acquire / release is conditional on the lock by construction (leader election, a held-out note).
    assert.ok(guarded('http://c:8500/v1/kv/jobs/leader?acquire=5f1c', {}));
    assert.ok(guarded('http://c:8500/v1/kv/jobs/leader?release=5f1c', {}));
    assert.ok(!guarded('http://c:8500/v1/kv/jobs/leader?flags=2', {}));
    assert.ok(guarded('https://api.zotero.org/users/1/items/A', { headers: ['if-unmodified-since-version'] }));
    assert.ok(guarded('http://db:5984/d/x', { body: '{ "_rev": rev, "a": 1 }' }));
    assert.ok(guarded('https://api.github.com/repos/o/r/contents/a', { body: '{ message, content, sha }' }));
    assert.ok(!guarded('https://api.github.com/repos/o/r/contents/a', { body: '{ message, content }' }));
    assert.ok(guarded('https://api.contentful.com/spaces/s/entries/e', { headers: ['X-Contentful-Version'] }));
  });
});
