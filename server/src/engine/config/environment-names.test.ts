import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ANY_NAME, environmentNamesIn } from './environment-names';

describe('environmentNamesIn', () => {
  it('reads every environment of a JetBrains / httpYac env file', () => {
    const text = '{"dev": {"host": "localhost", "token": "x"}, "$shared": {"version": "v1"}}';
    assert.deepEqual(environmentNamesIn('http-client.env.json', text).sort(), ['host', 'token', 'version']);
  });

  it('reads REST Client and httpYac environments from VS Code settings, comments and trailing commas included', () => {
    const text = '{\n  // environments\n  "rest-client.environmentVariables": {"local": {"baseUrl": "http://a//b",},},\n' +
      '  /* more */ "httpyac.environmentVariables": {"ci": {"apiKey": "k"}}\n}';
    assert.deepEqual(environmentNamesIn('settings.json', text), ['baseUrl', 'apiKey']);
  });

  it('trusts httpYac JavaScript config to define anything', () => {
    assert.deepEqual(environmentNamesIn('httpyac.config.js', 'module.exports = {}'), [ANY_NAME]);
  });

  it('gives nothing for unreadable or unrelated files', () => {
    assert.deepEqual(environmentNamesIn('http-client.env.json', '{ not json'), []);
    assert.deepEqual(environmentNamesIn('package.json', '{"name": "x"}'), []);
  });
});
