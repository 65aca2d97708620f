import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { bodyPreview, binaryBodySize, PREVIEW_CHARS } from './body-preview';

describe('trace body preview', () => {
  it('masks secret JSON members and form fields, keeps the rest, counts bytes', () => {
    assert.deepEqual(bodyPreview('{"user":"ann","api_key":"k-1","n":2,"token":null}'), { size: 49, preview: '{"user":"ann","api_key":"•••","n":2,"token":"•••"}', truncated: false });
    assert.equal(bodyPreview('user=ann&password=hunter2&x=1').preview, 'user=ann&password=•••&x=1');
    assert.equal(bodyPreview('é').size, 2);
  });

  it('binary bodies have a size and no preview; long bodies are cut', () => {
    assert.deepEqual(bodyPreview('<2048 bytes of binary data>'), { size: 2048, truncated: false });
    assert.equal(binaryBodySize('plain'), undefined);
    const long = bodyPreview('x'.repeat(PREVIEW_CHARS + 10));
    assert.equal(long.preview?.length, PREVIEW_CHARS);
    assert.equal(long.truncated, true);
  });
});
