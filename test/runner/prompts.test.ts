// `# @prompt name [description]` when sending: the host is asked for each declared variable, the answer is sent,
// `--var` values are not asked again, a cancelled question sends nothing, secret-named answers are masked and
// never offered again, and without a way to ask the error says how to pass the value.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { maskValues, runAll, Session, type PromptQuestion } from '../../server/src/runner/executor';
import { source, startLocalServer, type LocalServer } from './helpers';

describe('runner: # @prompt variables', () => {
  let server: LocalServer;
  before(async () => {
    server = await startLocalServer((_req, res) => res.end('ok'));
  });
  after(() => server.close());

  const file = (url: string) => `# @prompt etag The ETag you last read\n# @prompt token\nPUT ${url}/items/7\nIf-Match: {{etag}}\nAuthorization: Bearer {{token}}\n\n{}`;

  it('asks for each prompted variable, in order, and sends the answers', async () => {
    const session = new Session();
    const asked: PromptQuestion[] = [];
    const [r] = await runAll(source(file(server.url)), session, {
      ask: async (q) => { asked.push(q); return q.name === 'etag' ? '"v7"' : 's3cret'; },
    });
    await session.close();
    assert.equal(r.error, undefined, r.error?.message);
    assert.deepEqual(asked.map((q) => [q.name, q.description, q.secret]), [
      ['etag', 'The ETag you last read', false],
      ['token', 'Value of {{token}} for this request', true],
    ]);
    const sent = server.received.at(-1)!;
    assert.equal(sent.headers['if-match'], '"v7"');
    assert.equal(sent.headers['authorization'], 'Bearer s3cret');
    // The secret answer is masked wherever outputs mask session secrets.
    assert.ok(!maskValues('Bearer s3cret', session.secrets).includes('s3cret'));
  });

  it('offers the last answer again, except for a secret-named variable', async () => {
    const session = new Session();
    const offered: Record<string, string | undefined>[] = [];
    const ask = async (q: PromptQuestion) => { offered.push({ [q.name]: q.previous }); return `${q.name}-answer`; };
    await runAll(source(file(server.url)), session, { ask });
    await runAll(source(file(server.url)), session, { ask });
    await session.close();
    assert.deepEqual(offered, [{ etag: undefined }, { token: undefined }, { etag: 'etag-answer' }, { token: undefined }]);
  });

  it('does not ask for a variable given on the command line', async () => {
    const session = new Session();
    const asked: string[] = [];
    const [r] = await runAll(source(file(server.url)), session, {
      overrides: { etag: '"given"' },
      ask: async (q) => { asked.push(q.name); return 'tok'; },
    });
    await session.close();
    assert.equal(r.error, undefined, r.error?.message);
    assert.deepEqual(asked, ['token']);
    assert.equal(server.received.at(-1)!.headers['if-match'], '"given"');
  });

  it('asks for a prompted name that an object prototype also has (constructor)', async () => {
    const session = new Session();
    const asked: string[] = [];
    const [r] = await runAll(source(`# @prompt constructor\nGET ${server.url}/c\nX-C: {{constructor}}`), session, {
      overrides: {}, ask: async (q) => { asked.push(q.name); return 'made'; },
    });
    await session.close();
    assert.equal(r.error, undefined, r.error?.message);
    assert.deepEqual(asked, ['constructor']);
    assert.equal(server.received.at(-1)!.headers['x-c'], 'made');
  });

  it('sends nothing when a question is cancelled', async () => {
    const session = new Session();
    const before = server.received.length;
    const [r] = await runAll(source(file(server.url)), session, { ask: async () => undefined });
    await session.close();
    assert.equal(r.error?.kind, 'cancelled');
    assert.match(r.error!.message, /no value given for \{\{etag\}\}/);
    assert.equal(server.received.length, before);
  });

  it('without a way to ask, says the variable is prompted and how to pass it', async () => {
    const session = new Session();
    const [r] = await runAll(source(file(server.url)), session);
    await session.close();
    assert.equal(r.error?.kind, 'variable');
    assert.match(r.error!.message, /\{\{etag\}\} is asked for when the request is sent \(# @prompt etag\).*--var etag=/);
  });
});
